// The scenario GeneratedClientsIT runs with the Go clients that openapi-generator's go generator makes from the three
// contracts (system-tests/pom.xml), untouched, in target/generated-clients/go.
module planmonitor.example/scenario

go 1.19

require (
	github.com/planmonitor/indicator-client v0.0.0
	github.com/planmonitor/project-client v0.0.0
	github.com/planmonitor/report-client v0.0.0
)

replace (
	github.com/planmonitor/indicator-client => ../../../../target/generated-clients/go/indicator
	github.com/planmonitor/project-client => ../../../../target/generated-clients/go/project
	github.com/planmonitor/report-client => ../../../../target/generated-clients/go/report
)
