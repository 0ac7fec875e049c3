package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The deployment files (deploy/compose, deploy/k8s, deploy/observability) agree with the services they deploy: they
 * parse and render, the ports and probes are the services' own, every environment variable set is one the service
 * reads, the network policies allow exactly the calls the services make, the Ingress routes every path of the
 * contracts, the connection pools fit PostgreSQL, the dashboard queries metrics the services publish, the images are
 * built from the packaged fast-jars, and README.md's configuration table lists every variable. Needs kubectl (for
 * {@code kubectl kustomize}) and, for the metrics, the running suite of the other end-to-end tests.
 */
class DeploymentFilesIT {

    private static final Path ROOT = Path.of(System.getProperty("planmonitor.root", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SERVICES = List.of("indicator-service", "project-service", "report-service");
    private static final int MANAGEMENT_PORT = 9000;
    /** The compose proxy's status page, published on the host's loopback only. */
    private static final int PROXY_STATUS_PORT = 8404;

    /** Which service calls which (README.md, "Architecture"; project-service checks linked indicator codes). */
    private static final Set<String> CALLS = Set.of("project-service->indicator-service", "report-service->indicator-service",
            "report-service->project-service");

    /** Quarkus and JVM settings the services read without naming them in their properties. */
    private static final Set<String> BUILT_IN_VARIABLES = Set.of("QUARKUS_PROFILE", "JAVA_OPTS", "JAVA_OPTS_APPEND",
            "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
    private static final String BUILT_IN_PREFIX = "QUARKUS_OTEL_";
    /** Only report-service signs tokens (ServiceToken, its worker's identity; the kid comes from SERVICE_TOKEN_KEY_ID). */
    private static final Map<String, Set<String>> SERVICE_BUILT_INS = Map.of("report-service", Set.of("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
    /** The private key report-service's worker signs with: the compose secret and the Kubernetes Secret. */
    private static final String SIGNING_KEY_SECRET = "report-service-signing-key";

    /** What every deployment of a service must set: the prod profile refuses to start without the key and the password. */
    private static final List<String> REQUIRED_VARIABLES = List.of("QUARKUS_PROFILE", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "JWT_PUBLIC_KEY_LOCATION", "JWT_ISSUER",
            // report-service's service tokens: every service must agree on their issuer and key id.
            "SERVICE_TOKEN_ISSUER", "SERVICE_TOKEN_KEY_ID",
            // Migrations run as the database's owner; the service's own role owns nothing (the audit trail depends on it).
            "QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
    private static final Map<String, List<String>> REQUIRED_SERVICE_VARIABLES = Map.of(
            "indicator-service", List.of(),
            "project-service", List.of("INDICATOR_SERVICE_URL"),
            "report-service", List.of("INDICATOR_SERVICE_URL", "PROJECT_SERVICE_URL", "SMALLRYE_JWT_SIGN_KEY_LOCATION"));

    /**
     * Connections PostgreSQL keeps beyond the services' pools: superuser_reserved_connections (3), CloudNativePG's
     * instance manager and metrics exporter, an operator's psql, backups. deploy/README.md gives the same figure.
     */
    private static final int RESERVED_CONNECTIONS = 32;

    /**
     * The metrics the dashboard and the alerts may query: Micrometer's HTTP server, Agroal and JVM metrics, the suite's
     * own (planmonitor_*), and Prometheus's up. {@link #theKnownMetricsAreWhatTheServicesServe} checks them against the
     * running suite's /q/metrics.
     */
    private static final Set<String> KNOWN_METRICS = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_bucket",
            "agroal_active_count", "agroal_available_count", "agroal_awaiting_count", "agroal_max_used_count",
            "planmonitor_report_jobs", "planmonitor_report_generation_seconds_count", "planmonitor_report_generation_seconds_sum",
            "planmonitor_report_generation_seconds_bucket", "planmonitor_import_rows_total", "planmonitor_downstream_failures_total",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes", "up");
    /** Each of these must have a panel. */
    private static final Set<String> DASHBOARD_METRICS = Set.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
            "agroal_active_count", "agroal_available_count", "agroal_awaiting_count", "agroal_max_used_count", "planmonitor_report_jobs",
            "planmonitor_report_generation_seconds_count", "planmonitor_report_generation_seconds_sum", "planmonitor_report_generation_seconds_bucket",
            "planmonitor_import_rows_total", "planmonitor_downstream_failures_total", "jvm_memory_used_bytes");

    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------------------------------------------------------
    // Files parse, overlays render

    /**
     * Keys are made at run time or come from a Secret: no file of the repository holds a private key. (What an operator
     * keeps in the git-ignored deploy/compose/keys/ is theirs: only committed files are read.)
     */
    /** A PEM private key's header (PKCS#8, RSA, EC...), written so that this file does not hold one. */
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-{5}BEGIN [A-Z ]*PRIVATE KEY-{5}");

    @Test
    void noPrivateKeyIsCommitted() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile()).redirectErrorStream(true).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), "git ls-files: " + listing);
        List<String> holding = new ArrayList<>();
        for (String name : listing.split("\0")) {
            Path file = ROOT.resolve(name);
            if (!name.isEmpty() && Files.isRegularFile(file) && Files.size(file) < 5_000_000
                    && PEM_PRIVATE_KEY.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).find()) {
                holding.add(name);
            }
        }
        assertTrue(holding.isEmpty(), "private keys in the repository: " + holding);
    }

    @Test
    void everyDeploymentFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.of("compose", "k8s", "observability").map(DEPLOY::resolve).flatMap(DeploymentFilesIT::walk)) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "expected the compose, Kubernetes and Prometheus files, found " + files);
        for (Path file : files) {
            List<JsonNode> documents = readYaml(file);
            assertFalse(documents.isEmpty(), file + " holds no YAML document");
            for (JsonNode document : documents) {
                assertTrue(document.isObject(), file + ": every document is a mapping");
            }
        }
        JsonNode dashboard = dashboard();
        assertTrue(dashboard.path("schemaVersion").asInt() >= 36, "dashboard schemaVersion " + dashboard.path("schemaVersion"));
        assertTrue(stream(dashboard.path("templating").path("list"))
                        .anyMatch(v -> v.path("type").asText().equals("datasource") && v.path("query").asText().equals("prometheus")),
                "the dashboard has a Prometheus datasource variable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayRendersTheExpectedObjects(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (String service : SERVICES) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget")) {
                assertNotNull(find(objects, kind, service), overlay + ": " + kind + " " + service);
            }
            assertNotNull(configMap(objects, service + "-config"), overlay + ": ConfigMap " + service + "-config");
            assertTrue(objects.stream().anyMatch(o -> kind(o, "NetworkPolicy")
                            && service.equals(o.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())),
                    overlay + ": a NetworkPolicy for " + service);
            JsonNode hpa = find(objects, "HorizontalPodAutoscaler", service);
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertEquals(service, hpa.path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(hpa.path("spec").path("metrics").toString().contains("\"cpu\""), overlay + ": " + service + " scales on CPU");
            int min = hpa.path("spec").path("minReplicas").asInt();
            assertEquals(overlay.equals("dev") ? 1 : 3, min, overlay + ": " + service + " minReplicas");
            if (overlay.equals("dev")) {
                assertEquals(1, hpa.path("spec").path("maxReplicas").asInt(), "dev: one replica of " + service);
            }
            // The autoscaler owns the replica count; a count in the Deployment would reset it at every apply.
            assertTrue(find(objects, "Deployment", service).path("spec").path("replicas").isMissingNode(), service + ": no spec.replicas");
        }
        assertEquals(1, objects.stream().filter(o -> kind(o, "Ingress")).count(), overlay + ": one Ingress");
        assertEquals(1, objects.stream().filter(o -> kind(o, "Namespace")).count(), overlay + ": its namespace");
        List<JsonNode> clusters = objects.stream().filter(o -> kind(o, "Cluster")).toList();
        if (overlay.equals("prod")) {
            assertEquals(1, clusters.size(), "prod: one CloudNativePG Cluster");
            assertEquals("postgresql.cnpg.io/v1", clusters.get(0).path("apiVersion").asText());
            assertEquals(3, clusters.get(0).path("spec").path("instances").asInt(), "prod: 3 PostgreSQL instances");
        } else {
            assertTrue(clusters.isEmpty(), "dev uses an external PostgreSQL");
        }
        // Secrets are the operator's (deploy/README.md): none is in the repository or rendered, so no password or key
        // can be applied (or leak) from here.
        assertTrue(objects.stream().noneMatch(o -> kind(o, "Secret")), overlay + " renders no Secret");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ports, probes, security

    /**
     * The services publish no port: the proxy holds the host ports, each service's API port as ./run has it, and routes
     * it to that service's replicas by name, checking each on the management port's readiness; its status page is on
     * the loopback only. Each service's database, roles and health check are its own.
     */
    @Test
    void composePortsProxyAndHealthchecksAreTheServicesOwn() throws IOException {
        JsonNode services = compose().path("services");
        String haproxy = Files.readString(DEPLOY.resolve("compose/haproxy.cfg"));
        Map<Integer, Integer> proxied = new HashMap<>();
        // "[127.0.0.1:]${INDICATOR_PORT:-8081}:8081": host address, host port (its default), container port.
        Pattern published = Pattern.compile("^(?:([0-9.]+):)?(?:\\$\\{[A-Z_]+:-)?(\\d+)}?:(\\d+)$");
        for (JsonNode port : services.path("proxy").path("ports")) {
            Matcher m = published.matcher(port.asText());
            assertTrue(m.matches(), "a published port: " + port);
            proxied.put(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)));
            if (Integer.parseInt(m.group(3)) == PROXY_STATUS_PORT) {
                assertEquals("127.0.0.1", m.group(1), "the proxy's status page is on the loopback only");
            }
        }
        assertTrue(proxied.containsKey(PROXY_STATUS_PORT), "the proxy's status page is published");
        assertTrue(haproxy.contains("option httpchk GET /q/health/ready") && haproxy.contains("check port " + MANAGEMENT_PORT),
                "the proxy routes to ready replicas only (readiness on the management port)");
        assertTrue(haproxy.contains("parse-resolv-conf"), "the proxy finds replicas through the network's DNS");
        for (String service : SERVICES) {
            JsonNode s = services.path(service);
            assertTrue(s.isObject(), "compose has " + service);
            int http = httpPort(service);
            assertTrue(s.path("ports").isMissingNode(), service + " publishes no port: the proxy does");
            assertEquals(http, proxied.get(http), "the proxy publishes " + service + "'s port " + http + " as ./run");
            assertTrue(Pattern.compile("bind :" + http + "\\s+default_backend " + service + "\\s+backend " + service
                    + "\\s+(#[^\\n]*\\s+)*server-template replica- \\d+ " + service + ":" + http).matcher(haproxy).find(),
                    "haproxy.cfg routes port " + http + " to " + service + ":" + http);
            assertEquals("${" + service.replace("-service", "").toUpperCase() + "_REPLICAS:-1}", s.path("deploy").path("replicas").asText(),
                    service + ": replicas from .env, one by default");
            assertEquals("curl -fsS http://localhost:" + MANAGEMENT_PORT + "/q/health/ready", s.path("healthcheck").path("test").asText(),
                    service + " healthcheck");
            assertEquals("service_healthy", s.path("depends_on").path("postgres").path("condition").asText(), service + " waits for PostgreSQL");
            for (String call : CALLS) {
                if (call.startsWith(service + "->")) {
                    String callee = call.substring(call.indexOf("->") + 2);
                    assertEquals("service_healthy", s.path("depends_on").path(callee).path("condition").asText(), service + " waits for " + callee);
                    assertEquals("service_started", s.path("depends_on").path("proxy").path("condition").asText(), service + " calls through the proxy");
                }
            }
            assertFalse(s.path("environment").has("QUARKUS_DATASOURCE_PASSWORD"), service + ": no password in compose.yaml (podman-compose prints it)");
            assertEquals("secrets/" + service + ".env", s.path("env_file").asText(), service + ": its passwords from its own env file");
            String database = "planmonitor_" + service.replace("-service", "");
            assertTrue(s.path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText().endsWith("/" + database), service + " uses " + database);
            assertEquals(database, s.path("environment").path("QUARKUS_DATASOURCE_USERNAME").asText());
            assertEquals(database + "_owner", s.path("environment").path("QUARKUS_FLYWAY_USERNAME").asText(), service + " migrates as the owner");
        }
        String init = Files.readString(DEPLOY.resolve("compose/initdb/10-planmonitor-databases.sh"));
        for (String service : SERVICES) {
            assertTrue(init.contains("planmonitor_" + service.replace("-service", "")), "initdb creates the database of " + service);
        }
        assertTrue(texts(services.path("postgres").path("volumes")).stream().anyMatch(v -> v.endsWith(":/var/lib/postgresql/data")),
                "PostgreSQL's data is on a named volume");
    }

    /**
     * init.sh, run here in a copy of deploy/compose, makes every file compose.yaml reads: the services' env files with
     * their two passwords (each service only its own), PostgreSQL's with every password initdb/ reads, the seed
     * token's, report-service's key and a JWKS holding the provider's key and report-service's under their kids.
     */
    @Test
    void initMakesWhatComposeReads(@TempDir Path temp) throws Exception {
        Map<String, Map<String, String>> made = initialised(temp);
        Path compose = temp.resolve("deploy/compose");
        String initdb = Files.readString(DEPLOY.resolve("compose/initdb/10-planmonitor-databases.sh"));
        Map<String, String> postgres = made.get("postgres");
        for (String service : SERVICES) {
            Map<String, String> own = made.get(service);
            assertEquals(Set.of("QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_FLYWAY_PASSWORD"), own.keySet(), service + "'s env file");
            String prefix = service.replace("-service", "").toUpperCase();
            assertEquals(postgres.get(prefix + "_DB_PASSWORD"), own.get("QUARKUS_DATASOURCE_PASSWORD"), service + ": the role initdb/ made");
            assertEquals(postgres.get(prefix + "_DB_OWNER_PASSWORD"), own.get("QUARKUS_FLYWAY_PASSWORD"), service + ": the owner initdb/ made");
            assertTrue(own.get("QUARKUS_DATASOURCE_PASSWORD").matches("[0-9a-f]{32}") && !own.get("QUARKUS_DATASOURCE_PASSWORD").equals(own.get("QUARKUS_FLYWAY_PASSWORD")),
                    service + ": two random passwords");
        }
        Matcher read = Pattern.compile("\\$\\{([A-Z_]+_PASSWORD):\\?").matcher(initdb);
        while (read.find()) {
            assertTrue(postgres.containsKey(read.group(1)), "secrets/postgres.env gives initdb/ " + read.group(1));
        }
        assertTrue(postgres.containsKey("POSTGRES_PASSWORD"));
        assertEquals("secrets/postgres.env", compose().path("services").path("postgres").path("env_file").asText());
        assertEquals(Map.of("SEED_TOKEN", ""), made.get("seed"), "the seed token, empty until the operator puts one there");
        assertEquals("secrets/seed.env", compose().path("services").path("seed").path("env_file").asText());
        String key = compose().path("secrets").path(SIGNING_KEY_SECRET).path("file").asText().replaceAll("^\\$\\{[A-Z_]+:-(.+)}$", "$1");
        assertTrue(Files.readString(compose.resolve(key)).contains("PRIVATE KEY"), "report-service's key where compose takes it: " + key);
        JsonNode jwks = JSON.readTree(compose.resolve("keys/jwks.json").toFile());
        Set<String> kids = new TreeSet<>();
        jwks.path("keys").forEach(k -> kids.add(k.path("kid").asText()));
        assertEquals(new TreeSet<>(Set.of("operator", "planmonitor-service")), kids, "the JWKS: the operator's key and report-service's");
        String env = Files.readString(compose.resolve(".env"));
        assertTrue(env.contains("\nJWT_ISSUER=https://sso.example.invalid/realms/planning\n") && env.contains("\nJWT_PUBLIC_KEY_LOCATION=file:/keys/jwks.json\n"), env);
        assertFalse(env.contains("PASSWORD=") || env.contains("SEED_TOKEN"), ".env holds no secret");
    }

    /** Runs init.sh in a copy of deploy/compose under {@code temp} and reads the env files it made, by name. */
    private static Map<String, Map<String, String>> initialised(Path temp) throws Exception {
        Path compose = temp.resolve("deploy/compose");
        Files.createDirectories(compose);
        for (String file : List.of("init.sh", ".env.example")) {
            Files.copy(DEPLOY.resolve("compose").resolve(file), compose.resolve(file));
        }
        Files.copy(DEPLOY.resolve("jwks.sh"), temp.resolve("deploy/jwks.sh"));
        Process init = new ProcessBuilder("bash", "init.sh", "--issuer", "https://sso.example.invalid/realms/planning",
                "--operator-key", temp.resolve("operator.pem").toString()).directory(compose.toFile()).redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, init.waitFor(), "init.sh: " + output);
        assertFalse(Pattern.compile("[0-9a-f]{32}").matcher(output).find(), "init.sh prints no password: " + output);
        Map<String, Map<String, String>> made = new HashMap<>();
        try (Stream<Path> files = Files.list(compose.resolve("secrets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".env")).toList()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        values.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                    }
                }
                made.put(file.getFileName().toString().replace(".env", ""), values);
            }
        }
        return made;
    }

    @Test
    void composeSeedsLikeTheLauncher() throws IOException {
        JsonNode seed = compose().path("services").path("seed");
        String script = Files.readString(DEPLOY.resolve("compose/seed.sh"));
        assertTrue(seed.path("image").asText().contains("indicator-service"), "the seed service runs the indicator-service image");
        assertTrue(seed.path("entrypoint").toString().contains("/seed/seed.sh"));
        assertTrue(texts(seed.path("volumes")).containsAll(List.of("./seed.sh:/seed/seed.sh:ro", "../../seeds:/seeds:ro")), "seed.sh and seeds/ read-only");
        for (String name : names(seed.path("environment"))) {
            assertTrue(script.contains("${" + name) || script.contains("$" + name), "seed.sh reads " + name);
        }
        assertTrue(script.contains("text/csv; charset=UTF-8") && script.contains("/api/v1/imports?entity="), "the import endpoint, as Suite.java calls it");
        // Every seed file is loaded, in the order the launcher uses (departments before plans before indicators ...).
        assertTrue(script.contains("departments plans indicators tasks observations"));
        assertTrue(script.contains("categories lists projects investments milestones"));
        for (String folder : List.of("indicators", "projects")) {
            try (Stream<Path> csv = Files.list(ROOT.resolve("seeds").resolve(folder))) {
                csv.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                        .forEach(n -> assertTrue(script.contains(" " + n.replace(".csv", "")), "seed.sh loads seeds/" + folder + "/" + n));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesPortsProbesAndSecurityAreTheServicesOwn(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (String service : SERVICES) {
            JsonNode pod = find(objects, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = single(pod.path("containers"), service + " has one container");
            Map<String, Integer> ports = new HashMap<>();
            container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            assertEquals(Map.of("http", httpPort(service), "management", MANAGEMENT_PORT), ports, overlay + ": " + service + " container ports");
            Map<String, String> probes = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
            probes.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), overlay + ": " + service + " " + probe);
                assertEquals(MANAGEMENT_PORT, port(get.path("port"), ports), overlay + ": " + service + " " + probe + " on the management port");
            });
            JsonNode svc = find(objects, "Service", service);
            Map<Integer, Integer> servicePorts = new HashMap<>();
            svc.path("spec").path("ports").forEach(p -> servicePorts.put(p.path("port").asInt(), port(p.path("targetPort"), ports)));
            assertEquals(Map.of(httpPort(service), httpPort(service), MANAGEMENT_PORT, MANAGEMENT_PORT), servicePorts, overlay + ": Service " + service);

            JsonNode podSecurity = pod.path("securityContext");
            assertTrue(podSecurity.path("runAsNonRoot").asBoolean(), service + " runAsNonRoot");
            assertEquals(185, podSecurity.path("runAsUser").asInt(), service + " runs as the image's uid 185");
            assertEquals("RuntimeDefault", podSecurity.path("seccompProfile").path("type").asText(), service + " seccomp");
            JsonNode security = container.path("securityContext");
            assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), service + " readOnlyRootFilesystem");
            assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), service + " no privilege escalation");
            assertEquals(List.of("ALL"), texts(security.path("capabilities").path("drop")), service + " drops all capabilities");
            String tmpVolume = stream(container.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .map(m -> m.path("name").asText()).findFirst().orElse(null);
            assertNotNull(tmpVolume, service + " mounts a writable /tmp");
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals(tmpVolume) && v.has("emptyDir")), service + ": /tmp is an emptyDir");
            // quarkus.shutdown.timeout is 30 s; the preStop pause comes before it.
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() >= 40, service + " terminationGracePeriodSeconds");
            JsonNode resources = container.path("resources");
            for (String kind : List.of("requests", "limits")) {
                assertTrue(resources.path(kind).has("memory") && resources.path(kind).has("cpu"), service + " " + kind);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Environment variables

    @Test
    void composeSetsOnlyVariablesTheServicesRead() throws IOException {
        JsonNode services = compose().path("services");
        for (String service : SERVICES) {
            JsonNode env = services.path(service).path("environment");
            Map<String, String> values = new LinkedHashMap<>();
            env.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            // The passwords come from the service's env file (initMakesWhatComposeReads checks what init.sh puts there).
            values.put("QUARKUS_DATASOURCE_PASSWORD", "(" + services.path(service).path("env_file").asText() + ")");
            values.put("QUARKUS_FLYWAY_PASSWORD", "(" + services.path(service).path("env_file").asText() + ")");
            checkVariables("compose " + service, service, values);
            assertTrue(values.get("QUARKUS_PROFILE").contains("prod"), "compose runs the prod profile by default");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesSetsOnlyVariablesTheServicesRead(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (String service : SERVICES) {
            JsonNode container = find(objects, "Deployment", service).path("spec").path("template").path("spec").path("containers").path(0);
            Map<String, String> values = new LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String name = from.path("configMapRef").path("name").asText(null);
                assertNotNull(name, service + ": envFrom only from ConfigMaps (secrets are named one by one): " + from);
                JsonNode map = find(objects, "ConfigMap", name);
                assertNotNull(map, overlay + ": " + service + " reads the ConfigMap " + name + ", which is rendered");
                map.path("data").properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            }
            for (JsonNode variable : container.path("env")) {
                values.put(variable.path("name").asText(), variable.has("value") ? variable.path("value").asText() : "(" + variable.path("valueFrom") + ")");
            }
            checkVariables(overlay + " " + service, service, values);
            assertEquals("prod", values.get("QUARKUS_PROFILE"), overlay + ": the prod profile");
        }
    }

    /**
     * report-service's private signing key reaches report-service only: in compose its secret (outside KEYS_DIR, which
     * every service mounts), in Kubernetes its Secret; the others get the JWKS (public keys) and no signing key.
     */
    @Test
    void composeGivesTheSigningKeyToReportServiceOnly() throws IOException {
        JsonNode compose = compose();
        String file = compose.path("secrets").path(SIGNING_KEY_SECRET).path("file").asText();
        assertFalse(file.isEmpty(), "compose declares the secret " + SIGNING_KEY_SECRET + " from a file");
        String fileDefault = file.replaceAll("^\\$\\{[A-Z_]+:-(.*)}$", "$1");
        for (String service : SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            boolean signs = service.equals("report-service");
            assertEquals(signs, definition.path("secrets").toString().contains(SIGNING_KEY_SECRET), "compose: " + service + " is given the signing key: " + !signs);
            assertEquals(signs, definition.path("environment").has("SMALLRYE_JWT_SIGN_KEY_LOCATION"), "compose: " + service + " signs tokens: " + !signs);
            for (JsonNode volume : definition.path("volumes")) {
                // A directory every service mounts (KEYS_DIR) must not hold the key: the secret's file lies elsewhere.
                String source = volume.asText().replaceAll("^\\$\\{[A-Z_]+:-([^}]*)}", "$1").split(":")[0];
                assertFalse(fileDefault.startsWith(source + "/"), "compose: " + service + " mounts " + volume.asText() + ", which holds the signing key " + file);
            }
        }
        assertEquals("file:/run/secrets/" + SIGNING_KEY_SECRET,
                compose.path("services").path("report-service").path("environment").path("SMALLRYE_JWT_SIGN_KEY_LOCATION").asText(),
                "report-service reads the key where compose mounts the secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesGivesTheSigningKeyToReportServiceOnly(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        for (String service : SERVICES) {
            JsonNode pod = find(objects, "Deployment", service).path("spec").path("template").path("spec");
            boolean signs = service.equals("report-service");
            assertEquals(signs, pod.toString().contains("\"" + SIGNING_KEY_SECRET + "\""),
                    overlay + ": " + service + " references the Secret " + SIGNING_KEY_SECRET + ": " + !signs);
            JsonNode container = pod.path("containers").path(0);
            Set<String> variables = new TreeSet<>();
            for (JsonNode from : container.path("envFrom")) {
                configMap(objects, from.path("configMapRef").path("name").asText()).path("data").fieldNames().forEachRemaining(variables::add);
            }
            container.path("env").forEach(variable -> variables.add(variable.path("name").asText()));
            assertEquals(signs, variables.contains("SMALLRYE_JWT_SIGN_KEY_LOCATION"), overlay + ": " + service + " signs tokens: " + !signs);
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("configMap").path("name").asText().equals("planmonitor-jwks")),
                    overlay + ": " + service + " mounts the JWKS");
        }
        assertTrue(objects.stream().noneMatch(o -> kind(o, "ConfigMap") && o.toString().contains("PRIVATE KEY")), overlay + ": no key in a ConfigMap");
    }

    /** Every variable is one the service reads, the required ones are there, and the URLs of other services are theirs. */
    private static void checkVariables(String where, String service, Map<String, String> values) throws IOException {
        Set<String> read = variablesRead(service);
        for (String name : values.keySet()) {
            assertTrue(read.contains(name) || name.startsWith(BUILT_IN_PREFIX),
                    where + " sets " + name + ", which the service does not read (it reads " + read + ")");
        }
        List<String> required = new ArrayList<>(REQUIRED_VARIABLES);
        required.addAll(REQUIRED_SERVICE_VARIABLES.get(service));
        for (String name : required) {
            assertTrue(values.containsKey(name), where + " sets " + name);
        }
        for (String other : SERVICES) {
            String variable = other.replace("-service", "").toUpperCase() + "_SERVICE_URL";
            if (values.containsKey(variable)) {
                // Compose calls another service through the proxy's port for it (its replicas that are ready).
                String host = where.startsWith("compose") ? "proxy" : other;
                assertEquals("http://" + host + ":" + httpPort(other), values.get(variable), where + ": " + variable);
            }
        }
        assertTrue(Integer.parseInt(values.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").replaceAll("^\\$\\{[A-Z_]+:-(\\d+)}$", "$1")) > 0,
                where + ": a pool max size");
    }

    /**
     * What a service reads from the environment: each {@code ${VAR}} of its configuration files, the environment name
     * of each property they set (quarkus.datasource.jdbc.url ↔ QUARKUS_DATASOURCE_JDBC_URL), and a few built-ins.
     */
    private static Set<String> variablesRead(String service) throws IOException {
        Set<String> names = new TreeSet<>(BUILT_IN_VARIABLES);
        names.addAll(SERVICE_BUILT_INS.getOrDefault(service, Set.of()));
        for (Path file : List.of(ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                ROOT.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"))) {
            Matcher references = Pattern.compile("\\$\\{([A-Za-z0-9_]+)").matcher(Files.readString(file));
            while (references.find()) {
                names.add(references.group(1));
            }
            for (String key : properties(file).stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    names.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
                }
            }
        }
        return names;
    }

    /**
     * The images are built from what the build produces: each COPY of Dockerfile.jvm names a part of the packaged
     * fast-jar, build.sh gives each service its own API port, the image runs as the uid the pods require, and compose
     * and the manifests name the images build.sh tags.
     */
    @Test
    void imagesAreBuiltFromWhatThePackageProducesAndUsedByTheirNames() throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("images/Dockerfile.jvm"));
        String build = Files.readString(DEPLOY.resolve("images/build.sh"));
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (\\S+) ").matcher(dockerfile);
        while (copy.find()) {
            copied.add(copy.group(1));
        }
        assertEquals(List.of("lib/", "quarkus-run.jar", "quarkus/", "app/"), copied, "the fast-jar's parts, in Quarkus's layer order");
        assertTrue(dockerfile.contains("USER 185"), "the image runs as uid 185");
        assertTrue(dockerfile.contains("EXPOSE ${PORT} " + MANAGEMENT_PORT), "the API and management ports");
        // The images run the JVM as ./run does: the same collector, a fixed heap of the size ./run gives each service.
        assertTrue(dockerfile.contains("-XX:+UseSerialGC -Xms${HEAP} -Xmx${HEAP} -XX:+AlwaysPreTouch") && dockerfile.contains("-XX:+ExitOnOutOfMemoryError"),
                "JVM flags for containers");
        assertTrue(build.contains("[indicator-service]=" + gov.planmonitor.launcher.Suite.HEAP_MB + "m [project-service]=" + gov.planmonitor.launcher.Suite.HEAP_MB
                + "m [report-service]=" + gov.planmonitor.launcher.Suite.REPORT_HEAP_MB + "m"), "the images' heaps are ./run's");
        String version = Pattern.compile("(?m)^  <version>(.+)</version>").matcher(Files.readString(ROOT.resolve("pom.xml"))).results()
                .findFirst().orElseThrow().group(1);
        for (String service : SERVICES) {
            Path app = ROOT.resolve(service).resolve("target/quarkus-app");
            for (String part : copied) {
                assertTrue(Files.exists(app.resolve(part)), service + ": the build produces " + app.resolve(part));
            }
            assertTrue(build.contains("[" + service + "]=" + httpPort(service)), "build.sh builds " + service + " for port " + httpPort(service));
            assertTrue(compose().path("services").path(service).path("image").asText().endsWith("planmonitor/" + service + ":" + version + "}"),
                    "compose runs the image build.sh tags: " + compose().path("services").path(service).path("image"));
            for (String overlay : List.of("dev", "prod")) {
                JsonNode pod = find(render(overlay), "Deployment", service).path("spec").path("template").path("spec");
                String image = pod.path("containers").path(0).path("image").asText();
                assertTrue(image.contains("planmonitor/" + service + ":"), overlay + ": " + service + " runs its image: " + image);
                assertEquals(185, pod.path("securityContext").path("runAsUser").asInt(), overlay + ": " + service + " runs as the image's user");
            }
        }
    }

    /**
     * The README's configuration table is the operator's one list: every variable a service's configuration reads and
     * every variable compose or either overlay sets is in it.
     */
    @Test
    void theReadmeConfigurationTableListsEveryVariable() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("### Configuration");
        assertTrue(start >= 0, "README.md has a Configuration section");
        Set<String> listed = new TreeSet<>();
        readme.substring(start).lines().dropWhile(line -> !line.startsWith("| Variable")).takeWhile(line -> line.startsWith("|"))
                .forEach(line -> {
                    Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line.split("\\|")[1]);
                    while (name.find()) {
                        listed.add(name.group(1));
                    }
                });
        assertTrue(listed.size() > 20, "the table was read: " + listed);
        Set<String> missing = new TreeSet<>();
        for (String service : SERVICES) {
            for (Path file : List.of(ROOT.resolve(service).resolve("src/main/resources/application.properties"),
                    ROOT.resolve("service-support/src/main/resources/META-INF/microprofile-config.properties"))) {
                Matcher references = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(file));
                while (references.find()) {
                    missing.add(references.group(1));
                }
            }
            compose().path("services").path(service).path("environment").fieldNames().forEachRemaining(missing::add);
            for (String overlay : List.of("dev", "prod")) {
                List<JsonNode> objects = render(overlay);
                JsonNode container = find(objects, "Deployment", service).path("spec").path("template").path("spec").path("containers").path(0);
                for (JsonNode from : container.path("envFrom")) {
                    find(objects, "ConfigMap", from.path("configMapRef").path("name").asText()).path("data").fieldNames().forEachRemaining(missing::add);
                }
                container.path("env").forEach(variable -> missing.add(variable.path("name").asText()));
            }
        }
        missing.removeAll(listed);
        assertTrue(missing.isEmpty(), "README.md's configuration table lacks " + missing);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Network policies

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheCallsTheServicesMake(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> policies = objects.stream().filter(o -> kind(o, "NetworkPolicy")).toList();
        String namespace = find(objects, "Deployment", SERVICES.get(0)).path("metadata").path("namespace").asText();
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (String service : SERVICES) {
            pods.put(service, Pod.in(namespace, Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/part-of", "planmonitor")));
        }
        Pod ingressController = Pod.in("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Pod prometheus = Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Pod intruder = Pod.in(namespace, Map.of("app", "something-else"));
        Pod elsewhere = Pod.in("default", Map.of("app.kubernetes.io/name", "report-service"));
        Pod dns = Pod.in("kube-system", Map.of("k8s-app", "kube-dns"));
        Pod database = Pod.in(namespace, Map.of("cnpg.io/cluster", "planmonitor-db"));

        for (String callee : SERVICES) {
            Pod target = pods.get(callee);
            int api = httpPort(callee);
            for (String caller : SERVICES) {
                if (!caller.equals(callee)) {
                    boolean expected = CALLS.contains(caller + "->" + callee);
                    // Each side on its own: neither the caller's egress nor the callee's ingress admits more than the calls.
                    assertEquals(expected, allows(policies, "Egress", pods.get(caller), target, api), overlay + ": egress " + caller + " → " + callee + ":" + api);
                    assertEquals(expected, allows(policies, "Ingress", target, pods.get(caller), api), overlay + ": ingress " + caller + " → " + callee + ":" + api);
                    assertFalse(allowed(policies, pods.get(caller), target, MANAGEMENT_PORT), overlay + ": " + caller + " → " + callee + " management");
                }
            }
            assertTrue(allowed(policies, ingressController, target, api), overlay + ": ingress controller → " + callee);
            assertFalse(allowed(policies, ingressController, target, MANAGEMENT_PORT), overlay + ": ingress controller ↛ " + callee + " management");
            assertTrue(allowed(policies, prometheus, target, MANAGEMENT_PORT), overlay + ": Prometheus → " + callee + " metrics");
            assertFalse(allowed(policies, prometheus, target, api), overlay + ": Prometheus ↛ " + callee + " API");
            for (Pod stranger : List.of(intruder, elsewhere)) {
                assertFalse(allowed(policies, stranger, target, api), overlay + ": " + stranger + " ↛ " + callee);
                assertFalse(allowed(policies, stranger, target, MANAGEMENT_PORT), overlay + ": " + stranger + " ↛ " + callee + " management");
            }
            Pod caller = pods.get(callee);
            assertTrue(allowed(policies, caller, dns, 53), overlay + ": " + callee + " resolves names");
            assertFalse(allowed(policies, caller, Pod.EXTERNAL, 25), overlay + ": " + callee + " sends nothing else out");
            if (overlay.equals("prod")) {
                assertTrue(allowed(policies, caller, database, 5432), "prod: " + callee + " → PostgreSQL");
                assertFalse(allowed(policies, caller, Pod.EXTERNAL, 5432), "prod: " + callee + " reaches no other PostgreSQL");
            } else {
                assertTrue(allowed(policies, caller, Pod.EXTERNAL, 5432), "dev: " + callee + " → the external PostgreSQL");
            }
        }
        if (overlay.equals("prod")) {
            for (Pod stranger : List.of(intruder, elsewhere, ingressController, prometheus)) {
                assertFalse(allowed(policies, stranger, database, 5432), "prod: only the services reach PostgreSQL, not " + stranger);
            }
        }
    }

    /** A pod as the policies see it: its namespace (named by its kubernetes.io/metadata.name label) and its labels. */
    private record Pod(String namespace, Map<String, String> labels) {
        static final Pod EXTERNAL = new Pod(null, Map.of());

        static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(namespace, labels);
        }

        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return namespace == null ? "outside the cluster" : namespace + "/" + labels;
        }
    }

    /** Whether a connection is allowed: by the sender's egress policies and the receiver's ingress policies. */
    private static boolean allowed(List<JsonNode> policies, Pod from, Pod to, int port) {
        return (from.namespace() == null || allows(policies, "Egress", from, to, port))
                && (to.namespace() == null || allows(policies, "Ingress", to, from, port));
    }

    /** Direction's policies selecting {@code subject}: none means all is allowed, else one rule must admit the peer. */
    private static boolean allows(List<JsonNode> policies, String direction, Pod subject, Pod peer, int port) {
        boolean selected = false;
        for (JsonNode policy : policies) {
            String namespace = policy.path("metadata").path("namespace").asText();
            if (!namespace.equals(subject.namespace()) || !selects(policy.path("spec").path("podSelector"), subject.labels())
                    || !texts(policy.path("spec").path("policyTypes")).contains(direction)) {
                continue;
            }
            selected = true;
            for (JsonNode rule : policy.path("spec").path(direction.toLowerCase())) {
                JsonNode peers = rule.path(direction.equals("Ingress") ? "from" : "to");
                boolean peerMatches = peers.isMissingNode() || peers.isEmpty() || stream(peers).anyMatch(p -> peerMatches(p, namespace, peer));
                JsonNode ports = rule.path("ports");
                boolean portMatches = ports.isMissingNode() || ports.isEmpty() || stream(ports).anyMatch(p -> {
                    assertTrue(p.path("port").isInt(), "ports are numbers here (a name would depend on the peer's pod): " + p);
                    return p.path("port").asInt() == port;
                });
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean peerMatches(JsonNode peer, String policyNamespace, Pod pod) {
        if (peer.has("ipBlock")) {
            return pod.namespace() == null;
        }
        if (pod.namespace() == null) {
            return false;
        }
        boolean namespaceMatches = peer.has("namespaceSelector") ? selects(peer.path("namespaceSelector"), pod.namespaceLabels())
                : policyNamespace.equals(pod.namespace());
        return namespaceMatches && (!peer.has("podSelector") || selects(peer.path("podSelector"), pod.labels()));
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        assertTrue(selector.path("matchExpressions").isMissingNode(), "only matchLabels are used (and understood here): " + selector);
        for (Map.Entry<String, JsonNode> label : selector.path("matchLabels").properties()) {
            if (!label.getValue().asText().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ingress

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void ingressRoutesEveryContractPathToItsService(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        JsonNode ingress = objects.stream().filter(o -> kind(o, "Ingress")).findFirst().orElseThrow();
        assertFalse(ingress.path("spec").path("ingressClassName").asText().isBlank(), overlay + ": ingressClassName is set");
        assertTrue(ingress.path("metadata").path("annotations").isMissingNode(), overlay + ": no controller-specific annotations");
        Map<String, Set<String>> contracts = new LinkedHashMap<>();
        for (String service : SERVICES) {
            JsonNode contract = readYaml(ROOT.resolve(service).resolve("src/main/resources/openapi/openapi.yaml")).get(0);
            contracts.put(service, new TreeSet<>(names(contract.path("paths"))));
        }
        JsonNode rules = ingress.path("spec").path("rules");
        JsonNode main = rules.path(0);
        String domain = main.path("host").asText();
        assertFalse(domain.isBlank(), overlay + ": the main host");

        // Main host: path prefix → service, each prefix a prefix of some path of that service's contract.
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode path : main.path("http").path("paths")) {
            String prefix = path.path("path").asText();
            String service = backend(path);
            assertEquals("Prefix", path.path("pathType").asText(), overlay + ": " + prefix);
            assertTrue(contracts.containsKey(service), overlay + ": " + prefix + " goes to a service of the suite: " + service);
            assertTrue(contracts.get(service).stream().anyMatch(p -> underPrefix(p, prefix)),
                    overlay + ": " + prefix + " is a path of " + service + "'s contract " + contracts.get(service));
            assertNull(routes.put(prefix, service), overlay + ": " + prefix + " routed once");
        }
        // Every path of every contract is routed on the main host; a path several services serve goes to indicator-service.
        for (Map.Entry<String, Set<String>> contract : contracts.entrySet()) {
            for (String path : contract.getValue()) {
                String routedTo = routes.entrySet().stream().filter(r -> underPrefix(path, r.getKey()))
                        .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length())).map(Map.Entry::getValue).orElse(null);
                assertNotNull(routedTo, overlay + ": " + path + " of " + contract.getKey() + " is routed on " + domain);
                long servedBy = contracts.values().stream().filter(paths -> paths.contains(path)).count();
                assertEquals(servedBy > 1 ? "indicator-service" : contract.getKey(), routedTo, overlay + ": " + path + " on " + domain);
            }
        }
        // One host per service, everything to it: the other services' shared paths are reachable there.
        for (String service : SERVICES) {
            String host = service.replace("-service", "") + "." + domain;
            JsonNode rule = stream(rules).filter(r -> r.path("host").asText().equals(host)).findFirst().orElse(null);
            assertNotNull(rule, overlay + ": host " + host);
            JsonNode path = single(rule.path("http").path("paths"), host + " has one path");
            assertEquals("/", path.path("path").asText(), host);
            assertEquals(service, backend(path), host);
        }
        for (JsonNode rule : rules) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String service = backend(path);
                assertEquals(httpPort(service), path.path("backend").path("service").path("port").path("number").asInt(),
                        overlay + ": " + rule.path("host").asText() + path.path("path").asText() + " to " + service + "'s API port");
            }
        }
    }

    /** Kubernetes' Prefix match: whole path segments. */
    private static boolean underPrefix(String path, String prefix) {
        return prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String backend(JsonNode path) {
        return path.path("backend").path("service").path("name").asText();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Connections

    @Test
    void connectionPoolsFitPostgresMaxConnections() throws Exception {
        List<JsonNode> objects = render("prod");
        JsonNode cluster = objects.stream().filter(o -> kind(o, "Cluster")).findFirst().orElseThrow();
        JsonNode parameters = cluster.path("spec").path("postgresql").path("parameters");
        int maxConnections = Integer.parseInt(parameters.path("max_connections").asText());
        int reservedBySuperuser = Integer.parseInt(parameters.path("superuser_reserved_connections").asText("3"));
        assertTrue(reservedBySuperuser < RESERVED_CONNECTIONS, "the reserve covers superuser_reserved_connections");
        int sum = 0;
        StringBuilder terms = new StringBuilder();
        for (String service : SERVICES) {
            int pool = Integer.parseInt(configMap(objects, service + "-config").path("data").path("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asText());
            int maxReplicas = find(objects, "HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
            JsonNode surge = find(objects, "Deployment", service).path("spec").path("strategy").path("rollingUpdate").path("maxSurge");
            // A percentage is rounded up, as the Deployment controller does.
            int extra = surge.isInt() ? surge.asInt() : (int) Math.ceil(maxReplicas * Integer.parseInt(surge.asText("25%").replace("%", "")) / 100.0);
            sum += pool * (maxReplicas + extra);
            terms.append(service).append(' ').append(pool).append("×(").append(maxReplicas).append('+').append(extra).append(") ");
        }
        assertTrue(sum + RESERVED_CONNECTIONS <= maxConnections,
                "prod: " + terms + "= " + sum + " + " + RESERVED_CONNECTIONS + " reserved > max_connections " + maxConnections);

        // compose: one replica each, the default pool sizes, PostgreSQL's default max_connections of 100.
        JsonNode services = compose().path("services");
        int composeSum = 0;
        for (String service : SERVICES) {
            String pool = services.path(service).path("environment").path("QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asText();
            composeSum += Integer.parseInt(pool.replaceAll("^\\$\\{[A-Z_]+:-(\\d+)}$", "$1"));
        }
        assertTrue(composeSum + RESERVED_CONNECTIONS <= 100, "compose: pools " + composeSum + " + reserve fit max_connections 100");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Observability

    /**
     * The names above are what the packaged services publish. Two appear only after their first event (a report job
     * generated, a call to another service failed); report-service's ObservabilityTest checks those by name.
     */
    @Test
    void theKnownMetricsAreWhatTheServicesServe() throws Exception {
        RunningSuite running = RunningSuite.get();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        Set<String> served = new TreeSet<>();
        for (gov.planmonitor.launcher.Suite.Service service : running.suite.services()) {
            String scrape = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.managementUrl() + "/q/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .forEach(line -> served.add(line.split("[{ ]", 2)[0]));
        }
        Set<String> missing = new TreeSet<>(KNOWN_METRICS);
        missing.removeAll(Set.of("up", "planmonitor_report_generation_seconds_count", "planmonitor_report_generation_seconds_sum",
                "planmonitor_report_generation_seconds_bucket", "planmonitor_downstream_failures_total"));
        missing.removeAll(served);
        assertTrue(missing.isEmpty(), "the dashboard or the alerts name metrics the services do not publish: " + missing);
    }

    @Test
    void dashboardAndAlertsQueryKnownMetrics() throws IOException {
        JsonNode dashboard = dashboard();
        Set<String> used = new TreeSet<>();
        List<String> expressions = new ArrayList<>();
        collect(dashboard.path("panels"), "expr", expressions);
        assertFalse(expressions.isEmpty(), "the dashboard has queries");
        expressions.forEach(e -> used.addAll(metricNames(e)));
        List<String> variableQueries = new ArrayList<>();
        collect(dashboard.path("templating"), "definition", variableQueries);
        for (String query : variableQueries) {
            Matcher m = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(query);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(KNOWN_METRICS);
        assertTrue(unknown.isEmpty(), "the dashboard queries metrics no service exports: " + unknown);
        Set<String> missing = new TreeSet<>(DASHBOARD_METRICS);
        missing.removeAll(used);
        assertTrue(missing.isEmpty(), "the dashboard has no panel for " + missing);

        List<String> alertExpressions = new ArrayList<>();
        collect(readYaml(DEPLOY.resolve("observability/alerts.yml")).get(0), "expr", alertExpressions);
        Set<String> alertUnknown = alertExpressions.stream().flatMap(e -> metricNames(e).stream())
                .filter(n -> !KNOWN_METRICS.contains(n)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(alertUnknown.isEmpty(), "alerts.yml queries metrics no service exports: " + alertUnknown);

        // The scrape jobs are named after the services, which the dashboard's job variable lists.
        JsonNode prometheus = readYaml(DEPLOY.resolve("observability/prometheus.yml")).get(0);
        Set<String> jobs = stream(prometheus.path("scrape_configs")).map(j -> j.path("job_name").asText()).collect(Collectors.toSet());
        assertTrue(jobs.containsAll(SERVICES), "a job per service (compose): " + jobs);
        assertTrue(prometheus.toString().contains("kubernetes_sd_configs"), "pod discovery for Kubernetes");
        for (String service : SERVICES) {
            assertTrue(stream(prometheus.path("scrape_configs")).filter(j -> j.path("job_name").asText().equals(service))
                    .anyMatch(j -> j.path("metrics_path").asText().equals("/q/metrics")
                            && texts(j.path("dns_sd_configs").path(0).path("names")).equals(List.of(service))
                            && j.path("dns_sd_configs").path(0).path("port").asInt() == MANAGEMENT_PORT), service + " scrape targets: every replica by DNS");
        }
    }

    /** A metric is a name followed by a label selector: every query here writes one, even if empty ({}). */
    private static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{").matcher(expression);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertFalse(names.isEmpty(), "no metric found in " + expression);
        return names;
    }

    private static void collect(JsonNode node, String field, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals(field) && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), field, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, into));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    /** {@code kubectl kustomize} of an overlay, parsed; each overlay once per run. */
    private static List<JsonNode> render(String overlay) throws Exception {
        List<JsonNode> cached = RENDERED.get(overlay);
        if (cached != null) {
            return cached;
        }
        Path dir = DEPLOY.resolve("k8s/overlays").resolve(overlay);
        Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize " + dir + " did not finish");
        if (process.exitValue() != 0) {
            fail("kubectl kustomize " + dir + " failed (these kustomizations need kustomize v4 or later; Debian's kubernetes-client 1.20 "
                    + "carries v2.0.3):\n" + err + "\n" + kubectlVersion());
        }
        List<JsonNode> objects = YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll().stream()
                .filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        assertFalse(objects.isEmpty(), dir + " renders nothing");
        RENDERED.put(overlay, objects);
        return objects;
    }

    private static String kubectlVersion() {
        try {
            Process version = new ProcessBuilder(kubectl(), "version", "--client").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException e) {
            return "kubectl version --client: " + e;
        }
    }

    private static String kubectl() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/kubectl")));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElseGet(() -> fail(
                "kubectl is needed to render deploy/k8s (kubectl kustomize, with kustomize v4 or later): apt-get install kubectl "
                        + "from the Kubernetes project's (or Google Cloud's) apt repository, or put a kubectl of 1.21 or later on the "
                        + "PATH. Debian's own kubernetes-client (1.20) carries kustomize v2.0.3, which cannot read these kustomizations."));
    }

    private static JsonNode compose() throws IOException {
        return readYaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(DEPLOY.resolve("observability/grafana-dashboard.json").toFile());
    }

    private static List<JsonNode> readYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YAML.readerFor(JsonNode.class).<JsonNode>readValues(reader).readAll().stream()
                    .filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        } catch (IOException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static int httpPort(String service) {
        try {
            return Integer.parseInt(properties(ROOT.resolve(service).resolve("src/main/resources/application.properties")).getProperty("quarkus.http.port"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port given by number or by the name of a container port. */
    private static int port(JsonNode port, Map<String, Integer> named) {
        if (port.isInt()) {
            return port.asInt();
        }
        Integer number = named.get(port.asText());
        assertNotNull(number, "no container port named " + port.asText());
        return number;
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind(o, kind) && o.path("metadata").path("name").asText().equals(name)).findFirst().orElse(null);
    }

    /** A generated ConfigMap: its name carries a hash suffix. */
    private static JsonNode configMap(List<JsonNode> objects, String name) {
        return objects.stream().filter(o -> kind(o, "ConfigMap") && o.path("metadata").path("name").asText().matches(Pattern.quote(name) + "(-[a-z0-9]{10})?"))
                .findFirst().orElse(null);
    }

    private static boolean kind(JsonNode object, String kind) {
        return object.path("kind").asText().equals(kind);
    }

    private static JsonNode single(JsonNode array, String message) {
        assertEquals(1, array.size(), message);
        return array.get(0);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
