package gov.planmonitor.support.observability;

import gov.planmonitor.support.problem.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The suite's own Prometheus metrics, beside the HTTP, pool and JVM ones Quarkus publishes: rows imported and
 * rejected, and calls to another service that failed. The names are what deploy/observability's dashboard queries.
 */
@ApplicationScoped
public class SuiteMetrics {

    public static final String IMPORT_ROWS = "planmonitor.import.rows";
    public static final String DOWNSTREAM_FAILURES = "planmonitor.downstream.failures";

    private final MeterRegistry registry;

    public SuiteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A committed import: every row it took, per entity (created, updated and unchanged alike). */
    public void imported(Map<String, Map<String, Integer>> counts) {
        counts.forEach((entity, tally) -> {
            int rows = tally.values().stream().mapToInt(Integer::intValue).sum();
            registry.counter(IMPORT_ROWS, "entity", entity, "outcome", "imported").increment(rows);
        });
    }

    /** A refused import: the rows at fault (a row with several errors counts once), per entity. */
    public void rejected(List<FieldError> errors) {
        errors.stream()
                .filter(e -> e.row() != null)
                .collect(Collectors.groupingBy(e -> Objects.toString(e.entity(), "file"), Collectors.mapping(FieldError::row, Collectors.toSet())))
                .forEach((entity, rows) -> registry.counter(IMPORT_ROWS, "entity", entity, "outcome", "rejected").increment(rows.size()));
    }

    /** One failed attempt to call another service (retries count each), by the service called. */
    public void downstreamFailed(String service) {
        registry.counter(DOWNSTREAM_FAILURES, "service", service).increment();
    }
}
