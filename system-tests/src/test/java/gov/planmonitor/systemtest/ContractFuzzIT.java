package gov.planmonitor.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import gov.planmonitor.testsupport.ContractConformance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contract-driven fuzzing of the packaged suite. Every operation of the three committed contracts gets valid requests
 * (generated from its schemas, aimed at real seeded ids for reads and at resources this test makes for writes) and
 * hostile ones: wrong types, missing and unknown fields, boundary and huge numbers, NUL, odd Unicode, malformed
 * encodings, deep nesting, trailing data, out-of-range queries and bad enum values. Requests go out raw over a socket,
 * since an HTTP client library refuses or re-encodes most of them.
 *
 * <p>Every answer must be below 500 and conform to the contract; every 4xx must be a Problem (status, title, detail);
 * a request the contract makes invalid must not succeed; and a refused request must leave every row of the service's
 * database as it was (a fingerprint of all tables, read with JDBC before and after).
 *
 * <p>Seeded ({@code -Dfuzz.seed=N}) and bounded (about 850 requests, some 25 s on two cores); {@code -Dfuzz.long=true} or
 * {@code -Dfuzz.requests=N} sends more. The table of what was sent is printed and written to target/fuzz-summary.md.
 */
class ContractFuzzIT {

    static final long DEFAULT_SEED = 20_251_027L;
    static final int DEFAULT_REQUESTS = 1_300;
    /** About five minutes on two cores, inside failsafe's 600 s fork timeout. */
    static final int LONG_REQUESTS = 10_000;

    enum InputClass {
        VALID("valid"), WRONG_TYPE("wrong type"), MISSING_REQUIRED("missing required"), EXTRA_FIELD("extra field"),
        HUGE_NUMBER("boundary/huge number"), NUL("NUL"), ODD_UNICODE("odd Unicode"), MALFORMED_ENCODING("malformed encoding"),
        DEEP_NESTING("deep nesting"), TRAILING_DATA("trailing data"), OUT_OF_RANGE_QUERY("out of range query"), BAD_ENUM("bad enum");

        final String label;

        InputClass(String label) {
            this.label = label;
        }
    }

    /**
     * Answers that break a rule of this test by design: reported apart in the summary, not failing the run. Keep it short; each entry
     * names the operation ("*" for all), the input class, the variants it covers (a prefix of the case's label) and why.
     */
    static final List<Known> KNOWN = List.of(
            // By design, not a bug to fix: a request line over quarkus.http.limits.max-initial-line-length (4096 bytes) is
            // refused by Vert.x's HTTP decoder with a 414 and no body, before any route or filter runs (no hook exists
            // there). The README's Reliability section says so.
            new Known("*", InputClass.ODD_UNICODE, "path 10k-char string", "414 without a body from the HTTP layer (request line over 4096 bytes)"),
            new Known("*", InputClass.ODD_UNICODE, "query 10k-char string", "414 without a body from the HTTP layer (request line over 4096 bytes)"));

    record Known(String operationId, InputClass inputClass, String variant, String why) {
        boolean covers(Operation op, InputClass cls, String caseVariant) {
            return (operationId.equals("*") || operationId.equals(op.operationId())) && inputClass == cls && caseVariant.startsWith(variant);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SERVICES = List.of("indicator-service", "project-service", "report-service");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);
    /** The department that leads everything this test makes, so a department token of it may write there. */
    private static final String OWNER = "DRC";
    /** Report job columns the worker changes while a job runs (claim, heartbeat, outcome): left out of the fingerprint. */
    private static final Map<String, Set<String>> VOLATILE = Map.of("report", Set.of("status", "failure_reason", "attempts",
            "pinned_data", "content", "content_hash", "started_at", "heartbeat_at", "finished_at", "version"),
            // The webhook worker's: a subscription's feed position, a delivery's attempts and outcome.
            "webhook_subscription", Set.of("cursor_tx", "cursor_id"),
            // The deadline watch's mark that a late task was announced (its task.delayed entry is a WORKER one).
            "plan_task", Set.of("delay_announced_at"),
            "webhook_delivery", Set.of("status", "attempts", "next_attempt_at", "leased_until", "last_attempt_at", "last_status",
                    "last_error", "last_duration_ms", "finished_at"));
    /**
     * Rows the workers add: the outcome's audit entry of a report job (which the change feed announces), and the
     * deliveries the webhook worker queues (only a redelivery is the API's): left out too. The audit chain's head moves
     * with every entry, the worker's included, so it is left out whole: an entry the API adds still shows in
     * audit_entry. (A report job finishing while a refused request was checked failed CI once: stop 30.)
     */
    private static final Map<String, String> VOLATILE_ROWS = Map.of("audit_entry", "t.http_method <> 'WORKER'",
            "webhook_delivery", "t.redelivery_of IS NOT NULL", "audit_chain_head", "false");

    private static RunningSuite running;

    @BeforeAll
    static void start() throws Exception {
        running = RunningSuite.get();
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndWritesNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int budget = Integer.getInteger("fuzz.requests", Boolean.getBoolean("fuzz.long") ? LONG_REQUESTS : DEFAULT_REQUESTS);
        System.out.printf("[fuzz] seed %d (-Dfuzz.seed=%d repeats this run), budget %d requests (fewer are sent: not every input class fits every operation)%n", seed, seed, budget);
        long started = System.nanoTime();

        List<Operation> operations = new ArrayList<>();
        Map<String, ContractConformance> conformance = new HashMap<>();
        for (String service : SERVICES) {
            Path file = running.root.resolve(service).resolve("src/main/resources/openapi/openapi.yaml");
            operations.addAll(Contract.read(service, file).operations());
            conformance.put(service, ContractConformance.ofYaml(file));
        }
        System.out.printf("[fuzz] %d operations in the 3 contracts%n", operations.size());

        Random random = new Random(seed);
        try (Fingerprints fingerprints = new Fingerprints(running)) {
            Fuzzer fuzzer = new Fuzzer(random, Fixtures.read(), fingerprints, conformance);
            int perClass = Math.max(1, Math.round(budget / (float) (operations.size() * InputClass.values().length)));
            for (Operation op : operations) {
                for (InputClass cls : InputClass.values()) {
                    for (int i = 0; i < perClass; i++) {
                        fuzzer.fuzz(op, cls);
                    }
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String summary = fuzzer.summary(seed, operations.size(), millis);
            System.out.println(summary);
            Path out = Path.of(System.getProperty("planmonitor.logs", "target")).resolve("fuzz-summary.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, summary, StandardCharsets.UTF_8);
            assertTrue(fuzzer.failures.isEmpty(), fuzzer.failures.size() + " failure(s) (seed " + seed + "):\n"
                    + String.join("\n", fuzzer.failures.stream().limit(200).map(Failure::toString).toList()));
        }
    }

    // ---- the contracts ------------------------------------------------------------------------------------------

    record Param(String name, String in, boolean required, JsonNode schema) {
        boolean integer() {
            return "integer".equals(Schemas.type(schema));
        }
    }

    /** One operation of a contract, with its parameters and request body schemas already resolved. */
    record Operation(Contract contract, String service, String method, String template, String operationId,
                     List<Param> params, Map<String, JsonNode> bodies, List<String> roles) {

        String name() {
            return service.replace("-service", "") + " " + operationId;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        JsonNode jsonBody() {
            return bodies.get("application/json");
        }

        boolean writes() {
            return !method.equals("GET");
        }

        /** Whether the operation reads a request body (a DELETE or a redelivery request has none to get wrong). */
        boolean takesBody() {
            return !bodies.isEmpty();
        }

        boolean isImport() {
            return template.equals("/api/v1/imports");
        }

        /** Whether a refused file comes back as an import report (200 with its errors under dryRun), as the imports' does. */
        boolean answersImportReport() {
            return isImport() || operationId.equals("importTaskAssignments");
        }
    }

    record Contract(String service, JsonNode document) {

        static Contract read(String service, Path file) throws IOException {
            return new Contract(service, YAML.readTree(file.toFile()));
        }

        List<Operation> operations() {
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : List.of("get", "put", "post", "patch", "delete")) {
                    JsonNode op = path.getValue().path(method);
                    if (!op.isObject()) {
                        continue;
                    }
                    List<Param> params = new ArrayList<>();
                    for (JsonNode p : path.getValue().path("parameters")) {
                        params.add(param(p));
                    }
                    for (JsonNode p : op.path("parameters")) {
                        params.add(param(p));
                    }
                    Map<String, JsonNode> bodies = new LinkedHashMap<>();
                    op.path("requestBody").path("content").fields().forEachRemaining(e -> bodies.put(e.getKey(), resolve(e.getValue().path("schema"))));
                    List<String> roles = new ArrayList<>();
                    op.path("security").forEach(s -> s.path("bearer").forEach(r -> roles.add(r.asText())));
                    operations.add(new Operation(this, service, method.toUpperCase(Locale.ROOT), path.getKey(),
                            op.path("operationId").asText(), params, bodies, roles));
                }
            }
            return operations;
        }

        private Param param(JsonNode p) {
            JsonNode resolved = resolve(p);
            return new Param(resolved.path("name").asText(), resolved.path("in").asText(), resolved.path("required").asBoolean(false),
                    resolve(resolved.path("schema")));
        }

        /** The node with its $ref (and the $ref's own refs) replaced by the target, keeping sibling keywords. */
        JsonNode resolve(JsonNode node) {
            JsonNode current = node;
            for (int i = 0; i < 10 && current.has("$ref"); i++) {
                ObjectNode merged = ((ObjectNode) document.at(current.get("$ref").asText().substring(1))).deepCopy();
                ObjectNode siblings = ((ObjectNode) current).deepCopy();
                siblings.remove("$ref");
                merged.setAll(siblings);
                merged.put("x-schema-name", current.get("$ref").asText().replaceAll(".*/", ""));
                current = merged;
            }
            return current;
        }
    }

    /** What the fuzzer reads in a schema. */
    static final class Schemas {
        private Schemas() {
        }

        static String type(JsonNode schema) {
            JsonNode type = schema.path("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            if (type.isTextual()) {
                return type.asText();
            }
            if (schema.has("enum") || schema.has("pattern")) {
                return "string";
            }
            return schema.has("properties") ? "object" : null;
        }

        static boolean allows(JsonNode schema, String type) {
            JsonNode declared = schema.path("type");
            if (declared.isArray()) {
                for (JsonNode t : declared) {
                    if (t.asText().equals(type) || type.equals("integer") && t.asText().equals("number")) {
                        return true;
                    }
                }
                return false;
            }
            String t = type(schema);
            return t == null || t.equals(type) || type.equals("integer") && t.equals("number");
        }

        /** The values of an enum, or of a pattern that is a plain list of words ({@code A|B|C}). */
        static List<String> enumValues(JsonNode schema) {
            List<String> values = new ArrayList<>();
            if (schema.has("enum")) {
                schema.get("enum").forEach(v -> values.add(v.asText()));
            } else if (schema.path("pattern").asText().matches("[A-Z_]+(\\|[A-Z_]+)+")) {
                values.addAll(List.of(schema.get("pattern").asText().split("\\|")));
            }
            return values;
        }

        /** Whether the contract refuses this text: enum, maxLength (in code points) or pattern (unanchored, as JSON Schema reads it). */
        static boolean refusesText(JsonNode schema, String text) {
            if (schema.has("enum")) {
                boolean listed = false;
                for (JsonNode v : schema.get("enum")) {
                    listed |= v.asText().equals(text);
                }
                if (!listed) {
                    return true;
                }
            }
            if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
                return true;
            }
            if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
                return true;
            }
            if (schema.has("format") && schema.get("format").asText().startsWith("date")) {
                return true; // nothing the fuzzer puts in a date field is a date
            }
            return schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find();
        }

        /** Whether the contract refuses this number literal: not whole where an integer is declared, out of the format's or declared range. */
        static boolean refusesNumber(JsonNode schema, String literal) {
            BigDecimal value = new BigDecimal(literal);
            if ("integer".equals(type(schema))) {
                if (value.stripTrailingZeros().scale() > 0) {
                    return true;
                }
                String format = schema.path("format").asText();
                BigDecimal limit = format.equals("int32") ? BigDecimal.valueOf(Integer.MAX_VALUE) : format.equals("int64") ? BigDecimal.valueOf(Long.MAX_VALUE) : null;
                if (limit != null && (value.compareTo(limit) > 0 || value.compareTo(limit.negate().subtract(BigDecimal.ONE)) < 0)) {
                    return true;
                }
            }
            if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0) {
                return true;
            }
            return schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0;
        }
    }

    // ---- requests and answers on the wire -----------------------------------------------------------------------

    /** A request exactly as its bytes go out: the target is sent byte for byte (chars 0–255), unencoded. */
    record Raw(String method, String target, List<String[]> headers, byte[] body) {

        String summary() {
            String text = method + " " + printable(target, 160);
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase("Content-Type")) {
                    text += " [" + header[1] + "]";
                }
            }
            if (body != null) {
                text += " body(" + body.length + " B): " + printable(utf8OrHex(body), 140);
            }
            return text;
        }

        String rawPath() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyStart() {
            return printable(new String(body, StandardCharsets.UTF_8), 300);
        }
    }

    /** HTTP/1.1 over a fresh socket per request (Connection: close), so nothing the test sends can poison a pooled connection. */
    static Answer send(int port, Raw raw) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write((raw.method() + " " + raw.target() + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (String[] header : raw.headers()) {
                out.write((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (raw.body() != null) {
                out.write(("Content-Length: " + raw.body().length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (raw.body() != null) {
                out.write(raw.body());
            }
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The bytes as UTF-8, each byte that is not valid UTF-8 shown as \\xNN (Java would show U+FFFD). */
    static String utf8OrHex(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put(String.format("\\x%02X", in.get() & 0xff));
            }
        }
        out.flip();
        return out.toString();
    }

    static String printable(String text, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\uFFFF' || c == '\uFFFD' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return text.length() > sb.length() ? sb + "…(" + text.length() + " chars)" : sb.toString();
    }

    /** Percent-encodes everything but the unreserved characters (RFC 3986), as UTF-8. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", (int) c));
            }
        }
        return sb.toString();
    }

    /**
     * JSON text with every string as it is, a lone surrogate escaped (UTF-8 cannot carry it) and a raw value
     * ({@link RawValue}: 1e400, a number beyond any type) written as given. Jackson would refuse or round these.
     */
    static String json(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        writeJson(node, sb);
        return sb.toString();
    }

    private static void writeJson(JsonNode node, StringBuilder sb) {
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            sb.append(raw.rawValue());
        } else if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                writeString(field.getKey(), sb);
                sb.append(':');
                writeJson(field.getValue(), sb);
                if (fields.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeJson(node.get(i), sb);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            writeString(node.asText(), sb);
        } else {
            sb.append(node);
        }
    }

    private static void writeString(String text, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    static JsonNode raw(String literal) {
        return NODES.pojoNode(new RawValue(literal));
    }

    // ---- the database fingerprint -------------------------------------------------------------------------------

    /**
     * Row count and a sum of row hashes of every table in schema public, per service database, in one query. Cheap
     * enough to take around every request; a refused request must leave it as it was.
     */
    static final class Fingerprints implements AutoCloseable {
        private final Map<String, Connection> connections = new HashMap<>();
        private final Map<String, String> queries = new HashMap<>();

        Fingerprints(RunningSuite running) throws SQLException {
            for (String service : SERVICES) {
                String database = "planmonitor_system_" + service.replace("-service", "");
                Connection connection = DriverManager.getConnection(running.postgres.jdbcUrl(database), running.postgres.user(), running.postgres.password());
                connections.put(service, connection);
                queries.put(service, query(connection));
            }
        }

        private static String query(Connection connection) throws SQLException {
            Map<String, List<String>> columns = new TreeMap<>();
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns c WHERE table_schema = 'public' "
                         + "AND EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename = c.table_name) ORDER BY table_name, ordinal_position")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<String> parts = new ArrayList<>();
            columns.forEach((table, names) -> {
                Set<String> skip = VOLATILE.getOrDefault(table, Set.of());
                String row = skip.isEmpty() ? "t::text"
                        : "ROW(" + String.join(", ", names.stream().filter(n -> !skip.contains(n)).map(n -> "t.\"" + n + "\"").toList()) + ")::text";
                String where = VOLATILE_ROWS.containsKey(table) ? " WHERE " + VOLATILE_ROWS.get(table) : "";
                parts.add("SELECT '" + table + "' AS tbl, count(*) AS n, coalesce(sum(hashtext(" + row + ")::bigint), 0) AS h FROM public.\"" + table + "\" t" + where);
            });
            return String.join(" UNION ALL ", parts);
        }

        /** Table name to "rows/hash". */
        Map<String, String> take(String service) throws SQLException {
            Map<String, String> print = new TreeMap<>();
            try (Statement s = connections.get(service).createStatement(); ResultSet rs = s.executeQuery(queries.get(service))) {
                while (rs.next()) {
                    print.put(rs.getString(1), rs.getLong(2) + " rows/" + rs.getLong(3));
                }
            }
            return print;
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    // ---- the seeded data, read through the API ------------------------------------------------------------------

    /** Real ids of the seeded data (read, never written) and a report and milestone this test made to read. */
    record Fixtures(List<String> plans, List<String> indicators, Map<String, List<Integer>> observationYears, List<String> departments,
                    List<String> indicatorCategories, List<String> lists, List<String> projects, Map<String, List<Integer>> investmentYears,
                    List<String> projectCategories, List<String> zones, List<String> reports, String milestoneProject, long milestone,
                    List<String> tasks, String updateTask, long taskUpdate) {

        static Fixtures read() throws Exception {
            List<String> plans = codes(get(running.indicatorUrl, "/api/v1/plans?size=200").path("items"), "code");
            List<String> indicators = new ArrayList<>();
            for (String plan : List.of("FYP13", "AP2017")) {
                indicators.addAll(codes(get(running.indicatorUrl, "/api/v1/plans/" + plan + "/indicators?size=200").path("items"), "code"));
            }
            Map<String, List<Integer>> observationYears = new LinkedHashMap<>();
            for (String indicator : indicators.subList(0, Math.min(8, indicators.size()))) {
                List<Integer> years = years(get(running.indicatorUrl, "/api/v1/indicators/" + indicator + "/observations"));
                if (!years.isEmpty()) {
                    observationYears.put(indicator, years);
                }
            }
            List<String> departments = codes(get(running.indicatorUrl, "/api/v1/departments?size=200").path("items"), "code");
            List<String> indicatorCategories = codes(get(running.indicatorUrl, "/api/v1/categories"), "code");
            List<String> lists = codes(get(running.projectUrl, "/api/v1/project-lists?size=200").path("items"), "code");
            List<String> projects = codes(get(running.projectUrl, "/api/v1/projects?size=200").path("items"), "id");
            Map<String, List<Integer>> investmentYears = new LinkedHashMap<>();
            for (String project : projects.subList(0, Math.min(15, projects.size()))) {
                List<Integer> years = years(get(running.projectUrl, "/api/v1/projects/" + project + "/investments"));
                if (!years.isEmpty()) {
                    investmentYears.put(project, years);
                }
            }
            List<String> projectCategories = codes(get(running.projectUrl, "/api/v1/categories"), "code");
            List<String> zones = codes(get(running.projectUrl, "/api/v1/zones"), "code");
            assertTrue(!plans.isEmpty() && !indicators.isEmpty() && !observationYears.isEmpty() && !projects.isEmpty() && !lists.isEmpty(),
                    "the seeded data is missing");

            // Nothing seeded has a milestone or a report (nor, in the first projects, investment figures): this test makes its own to read.
            Fresh fresh = new Fresh();
            String project = fresh.project(projectCategories.get(0));
            long milestone = fresh.milestone(project);
            if (investmentYears.isEmpty()) {
                Fresh.created(admin("PUT", running.projectUrl, "/api/v1/projects/" + project + "/investments/2022",
                        NODES.objectNode().put("planned", 12_000_000)));
                investmentYears.put(project, List.of(2022));
            }
            List<String> reports = List.of(fresh.report(), fresh.report());
            // The seeds have tasks (AP2018's) but no progress update: one of a task of this test's own, to read.
            List<String> tasks = codes(get(running.indicatorUrl, "/api/v1/tasks?plan=AP2018&size=200").path("items"), "code");
            assertTrue(!tasks.isEmpty(), "the seeded tasks are missing");
            String updateTask = fresh.task(fresh.plan());
            long taskUpdate = fresh.taskUpdate(updateTask);
            return new Fixtures(plans, indicators, observationYears, departments, indicatorCategories, lists, projects, investmentYears,
                    projectCategories, zones, reports, project, milestone, tasks, updateTask, taskUpdate);
        }

        private static List<String> codes(JsonNode items, String field) {
            List<String> codes = new ArrayList<>();
            items.forEach(item -> codes.add(item.path(field).asText()));
            return codes;
        }

        private static List<Integer> years(JsonNode list) {
            List<Integer> years = new ArrayList<>();
            (list.has("items") ? list.get("items") : list).forEach(item -> years.add(item.path("year").asInt()));
            return years;
        }
    }

    static JsonNode get(String base, String path) throws IOException {
        Answer answer = admin("GET", base, path, null);
        assertEquals(200, answer.status(), () -> "GET " + path + ": " + answer.bodyStart());
        return JSON.readTree(answer.body());
    }

    /** Counts the writes of the setup, which happen between fuzz requests: a fingerprint taken before one is stale. */
    static int setupWrites;

    static Answer admin(String method, String base, String path, JsonNode body) throws IOException {
        if (!method.equals("GET")) {
            setupWrites++;
        }
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[]{"Authorization", "Bearer " + running.token("admin")});
        if (body != null) {
            headers.add(new String[]{"Content-Type", "application/json"});
        }
        return send(URI.create(base).getPort(), new Raw(method, path, headers, body == null ? null : json(body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Fresh resources, made by an admin, that the writes aim at: seeded data other test classes read is never written. */
    static final class Fresh {
        private static int sequence;

        static synchronized String code(String prefix) {
            return "FZ" + prefix + "-" + RUN + "-" + ++sequence;
        }

        static synchronized String departmentCode() {
            return "FZD_" + RUN + "_" + ++sequence;
        }

        String plan() throws IOException {
            String code = code("P");
            created(admin("POST", running.indicatorUrl, "/api/v1/plans", plan(code)));
            return code;
        }

        static ObjectNode plan(String code) {
            ObjectNode plan = NODES.objectNode().put("code", code).put("kind", "FIVE_YEAR").put("startYear", 2021).put("endYear", 2025)
                    .put("titleZh", "模糊测试规划" + code).put("titleEn", "Fuzz test plan " + code);
            return plan;
        }

        String indicator(String plan, String category) throws IOException {
            String code = code("I");
            ObjectNode indicator = NODES.objectNode().put("code", code).put("seq", 1).put("nameZh", "模糊测试指标").put("nameEn", "Fuzz indicator")
                    .put("category", category).put("unit", "%").put("attribute", "EXPECTED").put("direction", "INCREASE");
            indicator.putArray("departments").addObject().put("code", OWNER).put("role", "LEAD");
            indicator.putObject("target").put("text", "7左右");
            created(admin("POST", running.indicatorUrl, "/api/v1/plans/" + plan + "/indicators", indicator));
            return code;
        }

        /** A unit of measure of its own: its code and its printed form (no digit in it: a target reads digits as its number). */
        String[] unit() throws IOException {
            String code = departmentCode();
            StringBuilder printed = new StringBuilder("模糊");
            code.chars().forEach(c -> printed.append(Character.isDigit(c) ? (char) ('A' + c - '0') : Character.isLetter(c) ? (char) c : ""));
            created(admin("PUT", running.indicatorUrl, "/api/v1/units/" + code, NODES.objectNode().put("printed", printed.toString())
                    .put("normalized", "fuzz").put("scale", 1).put("nameZh", "模糊单位").put("nonNegative", true).put("rate", false).put("sortOrder", 99)));
            return new String[]{code, printed.toString()};
        }

        /** An indicator category, a project category or a zone of its own (the three are kept alike). */
        String reference(String base, String collection, boolean zone) throws IOException {
            String code = departmentCode();
            // project-service orders its categories and zones by seq, indicator-service its categories by sortOrder.
            boolean indicatorCategory = base.equals(running.indicatorUrl);
            ObjectNode body = NODES.objectNode().put("nameZh", "模糊测试" + code).put(indicatorCategory ? "sortOrder" : "seq", 99);
            if (zone) {
                body.put("kind", "DISTRICT");
            }
            created(admin("PUT", base, collection + code, body));
            return code;
        }

        String department() throws IOException {
            String code = departmentCode();
            created(admin("POST", running.indicatorUrl, "/api/v1/departments",
                    NODES.objectNode().put("code", code).put("nameZh", "模糊测试局").put("nameEn", "Fuzz bureau " + code)));
            return code;
        }

        String list() throws IOException {
            String code = code("L");
            created(admin("POST", running.projectUrl, "/api/v1/project-lists",
                    NODES.objectNode().put("code", code).put("nameZh", "模糊测试清单").put("nameEn", "Fuzz list").put("year", 2022)));
            return code;
        }

        String project(String category) throws IOException {
            String id = code("KP");
            ObjectNode project = NODES.objectNode().put("id", id).put("nameZh", "模糊测试项目" + id).put("nameEn", "Fuzz project " + id).put("category", category);
            project.putArray("departments").addObject().put("code", OWNER).put("role", "LEAD");
            created(admin("POST", running.projectUrl, "/api/v1/projects", project));
            return id;
        }

        long milestone(String project) throws IOException {
            Answer answer = admin("POST", running.projectUrl, "/api/v1/projects/" + project + "/milestones",
                    NODES.objectNode().put("nameZh", "主体结构封顶").put("plannedDate", "2022-06-30"));
            created(answer);
            return JSON.readTree(answer.body()).path("id").asLong();
        }

        /** A task (an area) of the plan, led by {@link #OWNER}, with no commitment (so its writes touch no indicator). */
        String task(String plan) throws IOException {
            String code = code("T");
            ObjectNode task = taskBody(code, plan);
            created(admin("POST", running.indicatorUrl, "/api/v1/tasks", task));
            return code;
        }

        static ObjectNode taskBody(String code, String plan) {
            // 导入的 as in the import bodies: the NUL and odd-Unicode cases of a CSV body put their character there.
            ObjectNode task = NODES.objectNode().put("code", code).put("plan", plan).put("seq", 1).put("textZh", "导入的模糊测试任务")
                    .put("textEn", "Fuzz task");
            task.putArray("lead").add(OWNER);
            return task;
        }

        /** A progress update of the task, text only (its status stays). */
        long taskUpdate(String task) throws IOException {
            Answer answer = admin("POST", running.indicatorUrl, "/api/v1/tasks/" + task + "/updates", NODES.objectNode().put("text", "模糊测试：进度报告"));
            created(answer);
            return JSON.readTree(answer.body()).path("id").asLong();
        }

        /** An open request to cancel the project. */
        long cancellationRequest(String project) throws IOException {
            Answer answer = admin("POST", running.projectUrl, "/api/v1/projects/" + project + "/cancellation-requests",
                    NODES.objectNode().put("reason", "模糊测试：申请取消项目"));
            created(answer);
            return JSON.readTree(answer.body()).path("id").asLong();
        }

        /** A report of the seeded 12th FYP, waited for until the worker has finished it. */
        String report() throws Exception {
            Answer answer = admin("POST", running.reportUrl, "/api/v1/reports", NODES.objectNode().put("type", "PLAN_EVALUATION").put("plan", "FYP12"));
            assertEquals(202, answer.status(), () -> "requestReport: " + answer.bodyStart());
            String id = JSON.readTree(answer.body()).path("id").asText();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Set.of("SUCCEEDED", "FAILED").contains(get(running.reportUrl, "/api/v1/reports/" + id).path("status").asText())) {
                assertTrue(System.nanoTime() < deadline, "report " + id + " not finished after 60 s");
                Thread.sleep(100);
            }
            return id;
        }

        /** A subscription to every event, aimed at a closed local port: its deliveries fail at once and wait for retries. */
        static ObjectNode subscriptionBody() {
            return NODES.objectNode().put("targetUrl", "http://127.0.0.1:9/fuzz").put("secret", "fuzz-secret-of-at-least-24-chars")
                    .put("description", "ContractFuzzIT");
        }

        String subscription(String base) throws IOException {
            Answer answer = admin("POST", base, "/api/v1/subscriptions", subscriptionBody());
            created(answer);
            return JSON.readTree(answer.body()).path("id").asText();
        }

        /** A delivered event in the subscription's log, written straight into the service's database. */
        long delivery(String service, String subscription) throws IOException {
            String database = "planmonitor_system_" + service.replace("-service", "");
            try (Connection connection = DriverManager.getConnection(running.postgres.jdbcUrl(database), running.postgres.user(), running.postgres.password());
                 java.sql.PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, status, attempts, created_at, next_attempt_at, finished_at)
                         VALUES (CAST(? AS uuid), '1', 'gov.planmonitor.fuzz', '{}', 'DELIVERED', 1, now(), now(), now()) RETURNING id""")) {
                insert.setString(1, subscription);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            } catch (SQLException e) {
                throw new IOException("could not write a delivery for the fuzz test", e);
            }
        }

        static String etag(String base, String path) throws IOException {
            Answer answer = admin("GET", base, path, null);
            assertEquals(200, answer.status(), () -> "GET " + path + ": " + answer.bodyStart());
            return answer.header("ETag");
        }

        static void created(Answer answer) {
            assertTrue(answer.status() == 201 || answer.status() == 200, () -> "setup: " + answer.status() + " " + answer.bodyStart());
        }
    }

    // ---- the fuzzer ---------------------------------------------------------------------------------------------

    /** A request before it is written out: path segments and query values already percent-encoded. */
    static final class Draft {
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        String ifMatchBase;
        String ifMatchPath;
        JsonNode body;
        byte[] rawBody;
        String contentType;
        String token;

        Draft copy() {
            Draft d = new Draft();
            d.path.putAll(path);
            query.forEach(q -> d.query.add(q.clone()));
            headers.forEach(h -> d.headers.add(h.clone()));
            d.ifMatchBase = ifMatchBase;
            d.ifMatchPath = ifMatchPath;
            d.body = body == null ? null : body.deepCopy();
            d.rawBody = rawBody;
            d.contentType = contentType;
            d.token = token;
            return d;
        }
    }

    /** One request of the run, what the contract says of it, and how to tell it apart in the report. */
    record Case(Operation op, InputClass inputClass, String variant, Draft draft, boolean mustRefuse) {
    }

    record Failure(String operation, InputClass inputClass, String variant, String what, String request, int status, String body) {
        @Override
        public String toString() {
            return "- " + operation + " [" + inputClass.label + ": " + variant + "] " + what + "\n    request: " + request
                    + "\n    answer: " + status + " " + body;
        }
    }

    static final class Stats {
        int sent;
        int ok;
        int refused;
        int failedServer;
        int other;
        int failures;
        int known;
    }

    /** A value to put where a string is declared. */
    static final List<String> ODD_TEXT = List.of("\uD800", "x\uDC00y", "\uFFFF", "\u200F\u202Eabc\u202C", "😀🇨🇳 规划", "\uFEFFBOM",
            "A".repeat(10_000), "😀".repeat(5_000), "e\u0301\u0301\u0301", "\u0085\u2028\u2029");
    /**
     * The same in a path or query, as percent-escapes (a lone surrogate only as its CESU-8 bytes, which UTF-8 forbids).
     * No bare "..": every client and server removes dot segments, so that is another URL, not odd input.
     */
    static final List<String> ODD_SEGMENTS = List.of("%ED%A0%80", "%EF%BF%BF", "%E2%80%8F%E2%80%AEabc", encode("😀🇨🇳 规划"),
            "A".repeat(10_000), encode("😀".repeat(1_000)), "%EF%BB%BFBOM", "%2F", "%2E%2E%2F%2E%2E");
    static final List<String> HUGE = List.of("0", "-1", "2147483647", "2147483648", "1e400", "9999999999999999999999", "0.1", "-2147483649", "1E2", "-0");
    /** Nesting past the JSON reader's limit (1,000 levels) by ten times: once a 500 on every write. */
    static final String DEEP_ARRAYS = "[".repeat(10_000) + "]".repeat(10_000);
    static final String DEEP_OBJECTS = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    final class Fuzzer {
        final Random random;
        final Fixtures fixtures;
        final Fingerprints fingerprints;
        final Map<String, ContractConformance> conformance;
        final Map<InputClass, Stats> stats = new EnumMap<>(InputClass.class);
        final List<Failure> failures = new ArrayList<>();
        final Map<Known, Integer> knownSeen = new LinkedHashMap<>();
        final List<Failure> knownFailures = new ArrayList<>();
        /** Valid requests that were refused: not failures (a rule the schema cannot say), but a generator gap shows here. */
        final List<Failure> validRefused = new ArrayList<>();
        final Map<String, Map<String, String>> lastPrint = new HashMap<>();
        int printedAfterSetupWrites = -1;
        /** Per write operation, the fresh resource its hostile requests aim at; dropped when one is accepted. */
        final Map<String, Draft> targets = new HashMap<>();
        final Fresh fresh = new Fresh();

        Fuzzer(Random random, Fixtures fixtures, Fingerprints fingerprints, Map<String, ContractConformance> conformance) {
            this.random = random;
            this.fixtures = fixtures;
            this.fingerprints = fingerprints;
            this.conformance = conformance;
            for (InputClass cls : InputClass.values()) {
                stats.put(cls, new Stats());
            }
        }

        void fuzz(Operation op, InputClass cls) throws Exception {
            Draft base = cls == InputClass.VALID || !op.writes() ? valid(op) : targets.computeIfAbsent(op.operationId() + op.service(), k -> {
                try {
                    return valid(op);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).copy();
            if (cls != InputClass.VALID && op.writes()) {
                freshen(op, base);
            }
            Case c = mutate(op, cls, base);
            if (c != null) {
                run(c);
            }
        }

        /** New unique codes for a create, so a hostile request the service accepts does not make the next ones 409s. */
        private void freshen(Operation op, Draft draft) {
            if (draft.body instanceof ObjectNode body && op.method().equals("POST")) {
                for (String id : List.of("code", "id")) {
                    if (body.has(id) && body.get(id).isTextual()) {
                        body.put(id, op.operationId().equals("createDepartment") ? Fresh.departmentCode() : Fresh.code("X"));
                    }
                }
            }
        }

        // ---- valid requests -----------------------------------------------------------------------------------

        Draft valid(Operation op) throws IOException {
            Draft d = new Draft();
            d.token = token(op);
            String base = baseUrl(op.service());
            JsonNode schema = op.jsonBody();
            switch (op.operationId()) {
                case "createDepartment" -> d.body = body(op, schema);
                case "updateDepartment" -> update(op, d, "code", fresh.department(), "/api/v1/departments/");
                case "createPlan" -> d.body = body(op, schema);
                case "updatePlan" -> update(op, d, "code", fresh.plan(), "/api/v1/plans/");
                case "createIndicator" -> {
                    d.path.put("code", fresh.plan());
                    d.body = body(op, schema);
                }
                case "updateIndicator" -> update(op, d, "code", fresh.indicator(fresh.plan(), pick(fixtures.indicatorCategories())), "/api/v1/indicators/");
                case "reviseTarget" -> {
                    d.path.put("code", fresh.indicator(fresh.plan(), pick(fixtures.indicatorCategories())));
                    d.body = body(op, schema);
                }
                case "putObservation" -> {
                    d.path.put("code", fresh.indicator(fresh.plan(), pick(fixtures.indicatorCategories())));
                    d.path.put("year", String.valueOf(2021 + random.nextInt(5)));
                    d.body = body(op, schema);
                }
                case "importData" -> importBody(d, "plans", "code,kind,startYear,endYear,titleZh,titleEn,parent\n%s,FIVE_YEAR,2021,2025,导入的规划,Imported plan,\n",
                        Fresh.plan(Fresh.code("P")));
                case "importProjectData" -> importBody(d, "lists", "code,nameZh,nameEn,year,plan,reportedProjectCount,reportedCompletedInvestmentYuan,"
                        + "reportedPlannedInvestmentShare,reportedNote\n%s,导入的清单,Imported list,2022,,,,,\n", NODES.objectNode().put("code", Fresh.code("L"))
                        .put("nameZh", "导入的清单").put("nameEn", "Imported list").put("year", 2022));
                case "createProjectList", "createProject" -> d.body = body(op, schema);
                case "updateProjectList" -> update(op, d, "code", fresh.list(), "/api/v1/project-lists/");
                case "updateProject" -> update(op, d, "id", fresh.project(pick(fixtures.projectCategories())), "/api/v1/projects/");
                case "changeProjectStatus" -> {
                    String id = fresh.project(pick(fixtures.projectCategories()));
                    d.path.put("id", id);
                    d.body = body(op, schema);
                    ifMatch(d, base, "/api/v1/projects/" + id);
                }
                case "putInvestment" -> {
                    d.path.put("id", fresh.project(pick(fixtures.projectCategories())));
                    d.path.put("year", String.valueOf(2016 + random.nextInt(8)));
                    d.body = body(op, schema);
                }
                case "addMilestone", "addProgressUpdate" -> {
                    d.path.put("id", fresh.project(pick(fixtures.projectCategories())));
                    d.body = body(op, schema);
                }
                case "updateMilestone" -> {
                    String id = fresh.project(pick(fixtures.projectCategories()));
                    long milestone = fresh.milestone(id);
                    d.path.put("id", id);
                    d.path.put("milestoneId", String.valueOf(milestone));
                    d.body = body(op, schema);
                    ifMatch(d, base, "/api/v1/projects/" + id + "/milestones/" + milestone);
                }
                case "requestProjectCancellation" -> {
                    d.path.put("id", fresh.project(pick(fixtures.projectCategories())));
                    d.body = body(op, schema);
                }
                case "approveCancellationRequest", "refuseCancellationRequest" -> {
                    String id = fresh.project(pick(fixtures.projectCategories()));
                    d.path.put("id", id);
                    d.path.put("requestId", String.valueOf(fresh.cancellationRequest(id)));
                    d.body = body(op, schema);
                }
                case "createTask" -> {
                    d.body = body(op, schema);
                    ((ObjectNode) d.body).put("plan", fresh.plan());
                }
                case "replaceTask" -> {
                    String plan = fresh.plan();
                    update(op, d, "code", fresh.task(plan), "/api/v1/tasks/");
                    ((ObjectNode) d.body).put("plan", plan);
                }
                case "deleteTask" -> d.path.put("code", fresh.task(fresh.plan()));
                case "postTaskUpdate" -> {
                    d.path.put("code", fresh.task(fresh.plan()));
                    d.body = body(op, schema);
                }
                case "returnTaskUpdate" -> {
                    String task = fresh.task(fresh.plan());
                    d.path.put("code", task);
                    d.path.put("id", String.valueOf(fresh.taskUpdate(task)));
                    d.body = body(op, schema);
                }
                case "importTaskAssignments" -> {
                    String plan = fresh.plan();
                    String task = fresh.task(plan);
                    d.path.put("code", plan);
                    d.rawBody = ("序号,任务,牵头单位,配合单位,完成时限\n" + task + ",导入的模糊测试任务,区发改局,区商务局,2023年6月底\n").getBytes(StandardCharsets.UTF_8);
                    d.contentType = "text/csv; charset=UTF-8";
                    if (random.nextBoolean()) {
                        d.query.add(new String[]{"dryRun", String.valueOf(random.nextBoolean())});
                    }
                }
                case "requestReport" -> d.body = body(op, schema);
                case "createSubscription" -> d.body = Fresh.subscriptionBody();
                case "deleteSubscription" -> d.path.put("id", fresh.subscription(base));
                case "putUnit" -> {
                    String[] unit = fresh.unit();
                    d.path.put("code", unit[0]);
                    d.body = body(op, schema);
                    ((ObjectNode) d.body).put("printed", unit[1]);
                    ifMatch(d, base, "/api/v1/units/" + unit[0]);
                }
                case "deleteUnit" -> d.path.put("code", fresh.unit()[0]);
                case "putCategory", "putProjectCategory" -> update(op, d, "code", fresh.reference(base, "/api/v1/categories/", false), "/api/v1/categories/");
                case "deleteCategory", "deleteProjectCategory" -> d.path.put("code", fresh.reference(base, "/api/v1/categories/", false));
                case "putZone" -> update(op, d, "code", fresh.reference(base, "/api/v1/zones/", true), "/api/v1/zones/");
                case "deleteZone" -> d.path.put("code", fresh.reference(base, "/api/v1/zones/", true));
                case "redeliver" -> {
                    String subscription = fresh.subscription(base);
                    d.path.put("id", subscription);
                    d.path.put("deliveryId", String.valueOf(fresh.delivery(op.service(), subscription)));
                }
                default -> {
                    if (op.writes()) {
                        throw new IllegalStateException("no fresh target for the write " + op.name() + ": add one, never aim a write at seeded data");
                    }
                    readPath(op, d);
                }
            }
            if (d.body != null && d.contentType == null) {
                d.contentType = "application/json";
            }
            for (Param p : op.in("query")) {
                if (d.query.stream().noneMatch(q -> q[0].equals(p.name())) && random.nextInt(3) == 0) {
                    String value = queryValue(op, p);
                    if (value != null) {
                        d.query.add(new String[]{p.name(), encode(value)});
                    }
                }
            }
            // Rules between parameters the contract cannot state: a year inside the plan, one entity per CSV file.
            if (op.operationId().equals("listTasks") && d.query.stream().anyMatch(q -> q[0].equals("role"))
                    && d.query.stream().noneMatch(q -> q[0].equals("department"))) {
                d.query.add(new String[]{"department", OWNER}); // role filters a department's tasks
            }
            if (op.operationId().equals("evaluatePlan") && d.query.stream().anyMatch(q -> q[0].equals("year"))) {
                d.path.put("code", "FYP13");
            }
            if (d.query.stream().anyMatch(q -> q[0].equals("format") && q[1].equals("csv")) && d.query.stream().noneMatch(q -> q[0].equals("entity"))) {
                d.query.add(new String[]{"entity", op.service().equals("project-service") ? "projects" : "indicators"});
            }
            return d;
        }

        /** A full update of a fresh resource: the body names it as the path does, sent with its current ETag. */
        private void update(Operation op, Draft d, String key, String value, String collection) {
            d.path.put(key, value);
            d.body = body(op, op.jsonBody());
            ((ObjectNode) d.body).put(key, value);
            ifMatch(d, baseUrl(op.service()), collection + value);
        }

        private void importBody(Draft d, String entity, String csv, ObjectNode row) {
            if (random.nextBoolean()) {
                d.query.add(new String[]{"entity", entity});
                d.rawBody = String.format(csv, row.path("code").asText()).getBytes(StandardCharsets.UTF_8);
                d.contentType = "text/csv; charset=UTF-8";
            } else {
                ObjectNode body = NODES.objectNode();
                body.putArray(entity).add(row);
                d.body = body;
            }
            if (random.nextBoolean()) {
                d.query.add(new String[]{"dryRun", String.valueOf(random.nextBoolean())});
            }
        }

        private void ifMatch(Draft d, String base, String path) {
            d.ifMatchBase = base;
            d.ifMatchPath = path;
        }

        private final Map<String, String> readSubscriptions = new HashMap<>();
        /** The project and id of the cancellation request the reads of one read (nothing seeds one), made at the first such read. */
        private String[] readCancellation;

        /** Seeded ids for a read, by the resource each path parameter names. */
        private void readPath(Operation op, Draft d) {
            String t = op.template();
            if (t.contains("/observations/{year}")) {
                String indicator = pick(new ArrayList<>(fixtures.observationYears().keySet()));
                d.path.put("code", indicator);
                d.path.put("year", String.valueOf(pick(fixtures.observationYears().get(indicator))));
            } else if (t.contains("/investments/{year}")) {
                String project = fixtures.investmentYears().isEmpty() ? pick(fixtures.projects()) : pick(new ArrayList<>(fixtures.investmentYears().keySet()));
                d.path.put("id", project);
                d.path.put("year", fixtures.investmentYears().isEmpty() ? "2017" : pick(fixtures.investmentYears().get(project)).toString());
            } else if (t.contains("{milestoneId}")) {
                d.path.put("id", fixtures.milestoneProject());
                d.path.put("milestoneId", String.valueOf(fixtures.milestone()));
            } else if (t.contains("{requestId}")) {
                if (readCancellation == null) {
                    try {
                        String project = fresh.project(pick(fixtures.projectCategories()));
                        readCancellation = new String[]{project, String.valueOf(fresh.cancellationRequest(project))};
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                d.path.put("id", readCancellation[0]);
                d.path.put("requestId", readCancellation[1]);
            } else if (t.startsWith("/api/v1/tasks/{code}/updates/{id}")) {
                d.path.put("code", fixtures.updateTask());
                d.path.put("id", String.valueOf(fixtures.taskUpdate()));
            } else if (t.startsWith("/api/v1/tasks/")) {
                d.path.put("code", pick(fixtures.tasks()));
            } else if (t.startsWith("/api/v1/units/")) {
                d.path.put("code", pick(List.of("PERCENT", "YUAN_100M", "PER_100K")));
            } else if (t.startsWith("/api/v1/categories/")) {
                d.path.put("code", op.service().startsWith("project") ? pick(fixtures.projectCategories()) : pick(fixtures.indicatorCategories()));
            } else if (t.startsWith("/api/v1/zones/")) {
                d.path.put("code", pick(List.of("BEIJING_ROAD_CULTURAL_CORE", "YANJIANG_ROAD_BUSINESS_BELT")));
            } else if (t.startsWith("/api/v1/departments/")) {
                d.path.put("code", pick(fixtures.departments()));
            } else if (t.startsWith("/api/v1/indicators/")) {
                d.path.put("code", pick(fixtures.indicators()));
            } else if (t.startsWith("/api/v1/plans/")) {
                d.path.put("code", pick(fixtures.plans()));
            } else if (t.startsWith("/api/v1/project-lists/")) {
                d.path.put("code", pick(fixtures.lists()));
            } else if (t.startsWith("/api/v1/projects/")) {
                d.path.put("id", pick(fixtures.projects()));
            } else if (t.startsWith("/api/v1/reports/")) {
                d.path.put("id", fixtures.reports().get(0));
                d.path.put("otherId", fixtures.reports().get(1));
            } else if (t.startsWith("/api/v1/subscriptions/")) {
                // Nothing seeds subscriptions: one per service, made at its first read.
                d.path.put("id", readSubscriptions.computeIfAbsent(op.service(), service -> {
                    try {
                        return fresh.subscription(baseUrl(service));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Param p : op.in("path")) {
                if (!d.path.containsKey(p.name())) {
                    throw new IllegalStateException("no seeded value for path parameter " + p.name() + " of " + op.name());
                }
            }
        }

        /** A value the operation accepts, for the query parameters whose meaning the schema does not tell. */
        private String queryValue(Operation op, Param p) {
            List<String> values = Schemas.enumValues(p.schema());
            if (!values.isEmpty()) {
                return pick(values);
            }
            return switch (p.name()) {
                case "page" -> String.valueOf(random.nextInt(3));
                case "size" -> String.valueOf(1 + random.nextInt(200));
                case "year" -> String.valueOf(2016 + random.nextInt(5));
                case "plan" -> pick(fixtures.plans());
                // listTasks' parent is an area or sub-area; a plan's parent is a plan.
                case "parent" -> op.operationId().equals("listTasks") ? pick(fixtures.tasks()) : pick(fixtures.plans());
                case "list" -> pick(fixtures.lists());
                case "department" -> OWNER;
                case "category" -> pick(op.service().equals("project-service") ? fixtures.projectCategories() : fixtures.indicatorCategories());
                case "zone" -> fixtures.zones().isEmpty() ? null : pick(fixtures.zones());
                case "q" -> pick(List.of("发展", "GDP", "项目"));
                case "overdue" -> String.valueOf(random.nextBoolean());
                case "entity" -> op.isImport() ? null : op.service().equals("project-service") ? pick(List.of("lists", "projects", "investments", "milestones", "categories"))
                        : pick(List.of("plans", "indicators", "observations", "departments", "tasks"));
                case "asOf", "from" -> "2024-01-01T00:00:00+08:00";
                case "to" -> "2025-01-01T00:00:00+08:00";
                case "subject" -> "admin";
                case "resourceType" -> pick(List.of("plan", "project", "report"));
                default -> null; // sort, resource, dryRun: left to the hostile requests
            };
        }

        /** A body from the schema: required properties always, optional ones at random, values from the hints or the schema. */
        JsonNode body(Operation op, JsonNode schema) {
            if (op.operationId().equals("requestReport")) {
                return switch (random.nextInt(4)) {
                    case 0 -> NODES.objectNode().put("type", "ANNUAL_EXECUTION").put("year", 2017);
                    case 1 -> NODES.objectNode().put("type", "PLAN_EVALUATION").put("plan", pick(List.of("FYP12", "FYP13")));
                    case 2 -> NODES.objectNode().put("type", "DEPARTMENT_SCORECARD").put("department", OWNER).put("plan", "FYP13");
                    default -> NODES.objectNode().put("type", "PROJECT_PROGRESS").put("list", pick(fixtures.lists())).put("year", 2017);
                };
            }
            return generate(op, op.contract().resolve(schema), null);
        }

        private JsonNode generate(Operation op, JsonNode schema, String property) {
            // A nullable reference (anyOf: [$ref, null], as TaskInput.deadline): a value of the reference.
            for (JsonNode alternative : schema.path("anyOf")) {
                if (!alternative.path("type").asText().equals("null")) {
                    return generate(op, op.contract().resolve(alternative), property);
                }
            }
            String owner = schema.path("x-schema-name").asText("");
            String type = Schemas.type(schema);
            if ("object".equals(type)) {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property1 = it.next();
                    JsonNode propertySchema = op.contract().resolve(property1.getValue());
                    // A hinted property is always there (or never, OMIT): the rules between fields need it.
                    JsonNode value = hint(op, owner, property1.getKey());
                    if (propertySchema.path("readOnly").asBoolean(false)
                            || value == null && !required.contains(property1.getKey()) && random.nextInt(3) != 0) {
                        continue;
                    }
                    if (value == null) {
                        value = generate(op, propertySchema, property1.getKey());
                    }
                    if (value != OMIT) {
                        object.set(property1.getKey(), value);
                    }
                }
                return object;
            }
            if ("array".equals(type)) {
                ArrayNode array = NODES.arrayNode();
                JsonNode items = op.contract().resolve(schema.path("items"));
                for (int i = random.nextInt(2) + 1; i > 0; i--) {
                    array.add(generate(op, items, property));
                }
                return array;
            }
            if ("integer".equals(type)) {
                long min = schema.path("minimum").asLong(1949);
                long max = schema.path("maximum").asLong(2100);
                return NODES.numberNode(min + (long) random.nextInt((int) Math.min(1000, max - min + 1)));
            }
            if ("number".equals(type)) {
                double max = Math.min(schema.path("maximum").asDouble(1_000_000), 1_000_000);
                return NODES.numberNode(BigDecimal.valueOf(random.nextInt((int) Math.max(1, max * 100))).movePointLeft(2));
            }
            if ("boolean".equals(type)) {
                return NODES.booleanNode(random.nextBoolean());
            }
            List<String> values = Schemas.enumValues(schema);
            if (!values.isEmpty()) {
                return NODES.textNode(pick(values));
            }
            String format = schema.path("format").asText();
            if (format.equals("date")) {
                return NODES.textNode("2022-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9));
            }
            if (format.equals("date-time")) {
                return NODES.textNode("2024-01-01T00:00:00+08:00");
            }
            String text = pick(List.of("模糊测试", "Fuzz test", "规划中期调整 mid-term adjustment", "区发改局 ✓"));
            return NODES.textNode(text.substring(0, Math.min(text.length(), schema.path("maxLength").asInt(100))));
        }

        /**
         * Values whose meaning the schema cannot tell: codes that must be new or must exist, and fields that must agree
         * with one another. Never a seeded parent, list or indicator: that would change what other test classes read.
         */
        private JsonNode hint(Operation op, String owner, String property) {
            return switch (owner + "." + property) {
                case "PlanInput.code", "IndicatorInput.code", "ProjectListInput.code", "ProjectInput.id", "TaskInput.code" -> NODES.textNode(Fresh.code("G"));
                case "Department.code" -> NODES.textNode(Fresh.departmentCode());
                case "PlanInput.kind" -> NODES.textNode("FIVE_YEAR");
                case "PlanInput.startYear" -> NODES.numberNode(2021);
                case "PlanInput.endYear" -> NODES.numberNode(2025);
                case "PlanInput.parent", "ProjectListInput.plan", "ProjectInput.indicators", "ProjectInput.lists", "ProjectInput.status",
                     "TargetInput.kind", "TargetInput.referenceIndicator", "ObservationInput.periodStart", "MilestoneInput.actualDate",
                     "IndicatorInput.series", "TaskInput.parent", "TaskInput.supporting", "TaskInput.commitments", "TaskUpdateInput.department",
                     "TaskUpdateInput.commitmentValues" -> OMIT;
                // The task's plan is set by the case (a fresh one); here only a value of the right shape.
                case "TaskInput.plan" -> NODES.textNode("AP2018");
                case "TaskInput.lead" -> NODES.arrayNode().add(OWNER);
                // The lead unit (OWNER's token, or an admin) may start or complete a task that has not started.
                case "TaskUpdateInput.status" -> pick(List.of(OMIT, NODES.textNode("IN_PROGRESS"), NODES.textNode("COMPLETED")));
                case "TaskUpdateInput.evidence" -> NODES.arrayNode().add("https://example.gov.cn/fuzz");
                case "IndicatorInput.category" -> NODES.textNode(pick(fixtures.indicatorCategories()));
                case "ProjectInput.category" -> NODES.textNode(pick(fixtures.projectCategories()));
                case "ProjectInput.zone" -> fixtures.zones().isEmpty() ? OMIT : NODES.textNode(pick(fixtures.zones()));
                case "IndicatorInput.unit" -> NODES.textNode("%");
                case "IndicatorInput.departments", "ProjectInput.departments" -> {
                    ArrayNode departments = NODES.arrayNode();
                    departments.addObject().put("code", OWNER).put("role", "LEAD");
                    yield departments;
                }
                case "TargetInput.text" -> NODES.textNode(pick(List.of("7左右", "≥94", "≤10.5", "8", "5%以上")));
                case "TargetInput.effectiveFrom" -> op.operationId().equals("reviseTarget") ? NODES.textNode("2023-01-01") : OMIT;
                case "TargetInput.reason" -> op.operationId().equals("reviseTarget") ? NODES.textNode("规划中期调整 mid-term adjustment") : OMIT;
                case "ObservationInput.value" -> NODES.numberNode(BigDecimal.valueOf(random.nextInt(100_000)).movePointLeft(2));
                case "InvestmentInput.planned" -> NODES.numberNode(BigDecimal.valueOf(random.nextInt(100_000_000)));
                case "MilestoneInput.state" -> NODES.textNode("PLANNED");
                case "StatusChangeInput.to" -> NODES.textNode("PREPARATION");
                case "StatusChangeInput.date" -> NODES.textNode(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
                case "ProgressUpdateInput.links" -> NODES.arrayNode().add("https://example.gov.cn/fuzz");
                case "ProgressUpdateInput.date" -> NODES.textNode("2022-06-30");
                case "Location.latitude" -> NODES.numberNode(new BigDecimal("23.129"));
                case "Location.longitude" -> NODES.numberNode(new BigDecimal("113.264"));
                default -> null;
            };
        }

        private String token(Operation op) {
            // Department-scoped writes get, half of the time, the owner's department token: its checks must hold too.
            if (op.roles().contains("department") && !op.isImport() && random.nextBoolean()) {
                return running.token("department", OWNER);
            }
            return running.token("admin");
        }

        // ---- hostile requests ---------------------------------------------------------------------------------

        /** The case of this class for this operation, or null when the class has nothing to change in it. */
        Case mutate(Operation op, InputClass cls, Draft d) {
            List<Slot> slots = d.body == null ? List.of() : slots(op, d.body);
            List<Param> pathParams = op.in("path");
            List<Param> queryParams = op.in("query");
            return switch (cls) {
                case VALID -> new Case(op, cls, "from the schema", d, false);
                case WRONG_TYPE -> wrongType(op, d, slots, pathParams, queryParams);
                case MISSING_REQUIRED -> missing(op, d, slots);
                case EXTRA_FIELD -> extra(op, d, slots);
                case HUGE_NUMBER -> huge(op, d, slots, pathParams);
                case NUL -> text(op, cls, d, slots, pathParams, queryParams, List.of("a\u0000b", "\u0000"), List.of("%00", "a%00b"));
                case ODD_UNICODE -> text(op, cls, d, slots, pathParams, queryParams, ODD_TEXT, ODD_SEGMENTS);
                case MALFORMED_ENCODING -> malformed(op, d, pathParams, queryParams);
                case DEEP_NESTING -> deep(op, d, slots);
                case TRAILING_DATA -> trailing(op, d);
                case OUT_OF_RANGE_QUERY -> outOfRange(op, d, queryParams);
                case BAD_ENUM -> badEnum(op, d, slots, queryParams);
            };
        }

        private Case wrongType(Operation op, Draft d, List<Slot> slots, List<Param> pathParams, List<Param> queryParams) {
            List<Param> typed = new ArrayList<>();
            pathParams.stream().filter(Param::integer).forEach(typed::add);
            queryParams.stream().filter(p -> Arrays.asList("integer", "boolean").contains(Schemas.type(p.schema()))).forEach(typed::add);
            int choices = slots.size() + typed.size() + (d.body != null ? 1 : 0);
            if (choices == 0) {
                return null;
            }
            int choice = random.nextInt(choices);
            if (choice < slots.size()) {
                Slot slot = slots.get(choice);
                String type = Schemas.type(slot.schema());
                List<JsonNode> others = new ArrayList<>();
                for (JsonNode candidate : List.of(NODES.numberNode(1), NODES.numberNode(new BigDecimal("1.5")), NODES.booleanNode(true),
                        NODES.arrayNode().add("x"), NODES.arrayNode(), NODES.objectNode().put("x", 1), NODES.textNode("1"), NODES.textNode("true"))) {
                    String candidateType = candidate.isIntegralNumber() ? "integer" : candidate.isNumber() ? "number" : candidate.isBoolean() ? "boolean"
                            : candidate.isArray() ? "array" : candidate.isObject() ? "object" : "string";
                    if (type != null && !Schemas.allows(slot.schema(), candidateType)) {
                        others.add(candidate);
                    }
                }
                if (others.isEmpty()) {
                    return null;
                }
                JsonNode value = pick(others);
                slot.set(value);
                return new Case(op, InputClass.WRONG_TYPE, type + " ← " + value, d, true);
            }
            if (choice < slots.size() + typed.size()) {
                Param p = typed.get(choice - slots.size());
                String value = pick(p.integer() ? List.of("abc", "true", "1.5", "[]", "0x10", "1_000", "%201") : List.of("yes", "1", "TRUE", "on", "[]"));
                put(d, p, value);
                return new Case(op, InputClass.WRONG_TYPE, p.in() + " " + p.name() + "=" + value, d, true);
            }
            String whole = pick(List.of("[]", "\"text\"", "1", "true", "null", "[{}]"));
            d.body = null;
            d.rawBody = whole.getBytes(StandardCharsets.UTF_8);
            return new Case(op, InputClass.WRONG_TYPE, "whole body " + whole, d, true);
        }

        private Case missing(Operation op, Draft d, List<Slot> slots) {
            List<Slot> required = slots.stream().filter(Slot::required).toList();
            List<Runnable> choices = new ArrayList<>();
            String[] variant = new String[1];
            for (Slot slot : required) {
                choices.add(() -> {
                    slot.remove();
                    variant[0] = "body " + slot.path();
                });
            }
            if (op.params().stream().anyMatch(p -> p.in().equals("header") && p.required() && p.name().equals("If-Match"))) {
                choices.add(() -> {
                    d.ifMatchPath = null;
                    variant[0] = "If-Match header";
                });
            }
            for (Param p : op.in("path")) {
                if (op.template().endsWith("{" + p.name() + "}")) {
                    continue; // an empty last segment is the collection's own path (GET /plans/ lists the plans)
                }
                choices.add(() -> {
                    d.path.put(p.name(), "");
                    variant[0] = "empty path segment " + p.name();
                });
            }
            if (choices.isEmpty()) {
                return null;
            }
            pick(choices).run();
            return new Case(op, InputClass.MISSING_REQUIRED, variant[0], d, true);
        }

        private Case extra(Operation op, Draft d, List<Slot> slots) {
            List<ObjectNode> objects = new ArrayList<>();
            boolean schemaLess = op.jsonBody() == null || !op.jsonBody().has("properties");
            if (d.body instanceof ObjectNode root && !schemaLess) {
                objects.add(root);
            }
            for (Slot slot : slots) {
                if (slot.value() instanceof ObjectNode object && slot.schema().has("properties")) {
                    objects.add(object);
                }
            }
            if (objects.isEmpty()) {
                // No closed object to add to: an unknown query parameter, which the contract does not forbid.
                d.query.add(new String[]{"fuzzUnknown", "1"});
                return new Case(op, InputClass.EXTRA_FIELD, "unknown query parameter", d, false);
            }
            String name = pick(List.of("fuzzUnknown", "__proto__", "Code", "code ", "nameZH", "ID"));
            ObjectNode object = pick(objects);
            if (object.has(name)) {
                return null;
            }
            object.put(name, "x");
            return new Case(op, InputClass.EXTRA_FIELD, "body property \"" + name + "\"", d, true);
        }

        private Case huge(Operation op, Draft d, List<Slot> slots, List<Param> pathParams) {
            List<Slot> numbers = slots.stream().filter(s -> Arrays.asList("integer", "number").contains(Schemas.type(s.schema()))).toList();
            List<Param> integers = pathParams.stream().filter(Param::integer).toList();
            if (numbers.isEmpty() && integers.isEmpty()) {
                return null;
            }
            String literal = pick(HUGE);
            int choice = random.nextInt(numbers.size() + integers.size());
            if (choice < numbers.size()) {
                Slot slot = numbers.get(choice);
                slot.set(raw(literal));
                return new Case(op, InputClass.HUGE_NUMBER, "body " + slot.path() + "=" + literal, d, Schemas.refusesNumber(slot.schema(), literal));
            }
            Param p = integers.get(choice - numbers.size());
            d.path.put(p.name(), encode(literal));
            // A path names a resource: a number the contract allows may still name none (404), but it must not be a server error.
            return new Case(op, InputClass.HUGE_NUMBER, "path " + p.name() + "=" + literal, d, Schemas.refusesNumber(p.schema(), literal));
        }

        private Case text(Operation op, InputClass cls, Draft d, List<Slot> slots, List<Param> pathParams, List<Param> queryParams,
                          List<String> bodyValues, List<String> segments) {
            List<Slot> strings = slots.stream().filter(s -> "string".equals(Schemas.type(s.schema())) && s.value().isTextual()).toList();
            List<Param> params = new ArrayList<>(pathParams);
            queryParams.stream().filter(p -> !p.name().equals("dryRun")).forEach(params::add);
            int choice = random.nextInt(strings.size() + params.size() + (d.body != null ? 1 : 0) + (d.rawBody != null ? 1 : 0) + 1);
            boolean nul = cls == InputClass.NUL;
            if (choice < strings.size()) {
                Slot slot = strings.get(choice);
                String value = pick(bodyValues);
                slot.set(NODES.textNode(value));
                // A lone surrogate is no Unicode character, so no text any contract declares (RFC 8259, 8.2).
                boolean loneSurrogate = value.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
                return new Case(op, cls, "body " + label(value) + " " + slot.path(), d, nul || loneSurrogate || Schemas.refusesText(slot.schema(), value));
            }
            choice -= strings.size();
            if (choice < params.size()) {
                Param p = params.get(choice);
                String value = pick(segments);
                put(d, p, value);
                boolean refused = nul || p.integer() || !Schemas.enumValues(p.schema()).isEmpty();
                return new Case(op, cls, p.in() + " " + label(value) + " " + p.name(), d, refused);
            }
            choice -= params.size();
            if (choice == 0 && d.body != null) {
                // The raw character, where JSON allows only its escape: not JSON at all.
                String marker = nul ? "\u0000" : "\uD800";
                String text = json(d.body).replaceFirst("\"([^\"]*)\"", "\"$1" + marker + "\"");
                d.body = null;
                d.rawBody = text.getBytes(StandardCharsets.UTF_8);
                return new Case(op, cls, nul ? "raw NUL byte in a JSON string" : "lone surrogate in a JSON string (sent as ?)", d, nul);
            }
            if (choice == 0 && d.rawBody != null) {
                String text = new String(d.rawBody, StandardCharsets.UTF_8);
                d.rawBody = text.replaceFirst("导入的", "导入" + (nul ? "\u0000" : "\u202E😀") + "的").getBytes(StandardCharsets.UTF_8);
                return new Case(op, cls, (nul ? "NUL" : "RTL mark and emoji") + " in a CSV cell", d, nul);
            }
            // Into the literal part of the path: no route has it, and the answer must still be a Problem.
            String value = pick(segments);
            d.path.put("__literal", value);
            return new Case(op, cls, "path " + label(value) + " after the last segment", d, true);
        }

        private Case malformed(Operation op, Draft d, List<Param> pathParams, List<Param> queryParams) {
            List<String> variants = new ArrayList<>(List.of("malformed percent-escape in path", "overlong UTF-8 in path"));
            if (!queryParams.isEmpty()) {
                variants.add("malformed percent-escape in query");
            }
            if (op.takesBody()) {
                variants.addAll(List.of("invalid UTF-8 in body", "wrong Content-Type", "no Content-Type", "empty body", "charset not UTF-8", "UTF-16 body"));
            }
            String variant = pick(variants);
            String segment = pathParams.isEmpty() ? "__literal" : pick(pathParams).name();
            switch (variant) {
                case "malformed percent-escape in path" -> d.path.put(segment, pick(List.of("%zz", "%", "a%2", "%%41", "%G0")));
                case "overlong UTF-8 in path" -> d.path.put(segment, pick(List.of("%C0%AF", "%FF%FE", "%C3%28", "%E0%80%AF")));
                case "malformed percent-escape in query" -> put(d, pick(queryParams), pick(List.of("%zz", "%", "a%2")));
                case "invalid UTF-8 in body" -> {
                    byte[] bytes = body(d);
                    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
                    byte[] insert = bad[random.nextInt(bad.length)];
                    int at = indexAfterFirstQuote(bytes);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(bytes, 0, at);
                    out.writeBytes(insert);
                    out.write(bytes, at, bytes.length - at);
                    d.body = null;
                    d.rawBody = out.toByteArray();
                }
                case "wrong Content-Type" -> d.contentType = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/jsonx", "image/png"));
                case "no Content-Type" -> d.contentType = "";
                case "empty body" -> {
                    d.body = null;
                    d.rawBody = new byte[0];
                }
                case "charset not UTF-8" -> d.contentType = (d.contentType == null ? "application/json" : d.contentType.split(";")[0]) + "; charset=" + pick(List.of("ISO-8859-1", "GBK", "nonsense"));
                default -> {
                    d.rawBody = new String(body(d), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
                    d.body = null;
                }
            }
            // A CSV may come in another charset (GBK is common), only JSON must be UTF-8; and without a Content-Type the
            // server may take the body for what the operation reads (RFC 9110 8.3).
            boolean csv = d.contentType != null && d.contentType.startsWith("text/csv");
            boolean mustRefuse = !variant.equals("no Content-Type") && !(csv && variant.equals("charset not UTF-8"));
            return new Case(op, InputClass.MALFORMED_ENCODING, variant, d, mustRefuse);
        }

        private Case deep(Operation op, Draft d, List<Slot> slots) {
            if (!op.takesBody()) {
                return null;
            }
            d.contentType = "application/json";
            if (!slots.isEmpty() && random.nextBoolean()) {
                Slot slot = pick(slots);
                slot.set(raw(random.nextBoolean() ? DEEP_ARRAYS : DEEP_OBJECTS));
                return new Case(op, InputClass.DEEP_NESTING, "10,000 levels in " + slot.path(), d, true);
            }
            boolean arrays = random.nextBoolean();
            d.body = null;
            d.rawBody = (arrays ? DEEP_ARRAYS : DEEP_OBJECTS).getBytes(StandardCharsets.UTF_8);
            return new Case(op, InputClass.DEEP_NESTING, "10,000 levels of " + (arrays ? "arrays" : "objects"), d, true);
        }

        private Case trailing(Operation op, Draft d) {
            if (d.body == null) {
                return null;
            }
            String tail = pick(List.of("{}", "x", "]", "\n{\"a\":1}", ",", "}", " null", "\"more\""));
            d.rawBody = (json(d.body) + tail).getBytes(StandardCharsets.UTF_8);
            d.body = null;
            return new Case(op, InputClass.TRAILING_DATA, "after the document: " + printable(tail, 20), d, true);
        }

        private Case outOfRange(Operation op, Draft d, List<Param> queryParams) {
            List<Param> integers = queryParams.stream().filter(Param::integer).toList();
            if (integers.isEmpty()) {
                return null;
            }
            Param p = pick(integers);
            String value = pick(List.of("-1", "0", "201", "1000000", "2147483647", "2147483648", "1e400", "9999999999999999999999", "0.1", "-2147483649", "99999"));
            put(d, p, value);
            return new Case(op, InputClass.OUT_OF_RANGE_QUERY, p.name() + "=" + value, d, Schemas.refusesNumber(p.schema(), value));
        }

        private Case badEnum(Operation op, Draft d, List<Slot> slots, List<Param> queryParams) {
            List<Slot> enums = slots.stream().filter(s -> !Schemas.enumValues(s.schema()).isEmpty()).toList();
            List<Param> params = queryParams.stream().filter(p -> !Schemas.enumValues(p.schema()).isEmpty() || p.name().equals("entity")).toList();
            if (enums.isEmpty() && params.isEmpty()) {
                return null;
            }
            int choice = random.nextInt(enums.size() + params.size());
            if (choice < enums.size()) {
                Slot slot = enums.get(choice);
                String valid = pick(Schemas.enumValues(slot.schema()));
                String value = pick(List.of("BOGUS", valid.toLowerCase(Locale.ROOT), valid + " ", " " + valid, "", valid.replace('_', '-'), "Ｆ" + valid));
                slot.set(NODES.textNode(value));
                return new Case(op, InputClass.BAD_ENUM, "body " + slot.path() + "=\"" + value + "\"", d, !Schemas.enumValues(slot.schema()).contains(value));
            }
            Param p = params.get(choice - enums.size());
            List<String> values = Schemas.enumValues(p.schema());
            String valid = values.isEmpty() ? "plans" : pick(values);
            String value = pick(List.of("BOGUS", valid.toUpperCase(Locale.ROOT).equals(valid) ? valid.toLowerCase(Locale.ROOT) : valid.toUpperCase(Locale.ROOT),
                    valid + " ", " " + valid, "", "docx", valid + "," + valid));
            put(d, p, encode(value));
            // entity has no enum in the contract; an unknown one must still be refused, not read as "all" (given empty, it is
            // not given: any string, and so none, is what the contract allows). An enumerated parameter is read exactly:
            // empty is not "absent", and no other case or padding is the same word.
            boolean allowed = values.isEmpty() ? value.equals(valid) || value.isEmpty() : values.contains(value);
            return new Case(op, InputClass.BAD_ENUM, "query " + p.name() + "=" + value, d, !allowed);
        }

        /** How a value shows in a case's label: long ones by their length, so the known list can name them. */
        private String label(String value) {
            return value.length() >= 10_000 ? "10k-char string" : "\"" + printable(value, 24) + "\"";
        }

        private byte[] body(Draft d) {
            return d.body != null ? json(d.body).getBytes(StandardCharsets.UTF_8) : d.rawBody != null ? d.rawBody : "{}".getBytes(StandardCharsets.UTF_8);
        }

        private int indexAfterFirstQuote(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '"' || bytes[i] == ',') {
                    return i + 1;
                }
            }
            return bytes.length / 2;
        }

        /** Sets a path or query parameter to an already-encoded value. */
        private void put(Draft d, Param p, String rawValue) {
            if (p.in().equals("path")) {
                d.path.put(p.name(), rawValue);
                return;
            }
            d.query.removeIf(q -> q[0].equals(p.name()));
            d.query.add(new String[]{p.name(), rawValue});
        }

        // ---- sending and checking -----------------------------------------------------------------------------

        Raw render(Case c) throws IOException {
            Draft d = c.draft();
            String target = c.op().template();
            for (Map.Entry<String, String> segment : d.path.entrySet()) {
                if (!segment.getKey().equals("__literal")) {
                    String value = segment.getValue();
                    boolean encoded = c.inputClass() != InputClass.VALID && value.matches("(?s).*(%|\\.\\.).*") || value.isEmpty();
                    target = target.replace("{" + segment.getKey() + "}", encoded ? value : encode(value));
                }
            }
            if (d.path.containsKey("__literal")) {
                target = target + d.path.get("__literal");
            }
            if (!d.query.isEmpty()) {
                target += "?" + String.join("&", d.query.stream().map(q -> q[0] + "=" + q[1]).toList());
            }
            List<String[]> headers = new ArrayList<>(d.headers);
            headers.add(new String[]{"Authorization", "Bearer " + d.token});
            if (d.ifMatchPath != null) {
                headers.add(new String[]{"If-Match", Fresh.etag(d.ifMatchBase, d.ifMatchPath)});
            }
            byte[] body = d.body != null ? json(d.body).getBytes(StandardCharsets.UTF_8) : d.rawBody;
            if (d.contentType != null && !d.contentType.isEmpty()) {
                headers.add(new String[]{"Content-Type", d.contentType});
            }
            if (body == null && c.op().writes()) {
                body = new byte[0];
            }
            return new Raw(c.op().method(), target, headers, body);
        }

        void run(Case c) throws Exception {
            Operation op = c.op();
            Raw raw = render(c);
            Map<String, String> before = lastPrint.get(op.service());
            if (before == null || printedAfterSetupWrites != setupWrites) {
                before = fingerprints.take(op.service());
            }
            Stats s = stats.get(c.inputClass());
            s.sent++;
            Answer answer;
            try {
                answer = send(URI.create(baseUrl(op.service())).getPort(), raw);
            } catch (IOException e) {
                s.other++;
                record(c, raw, -1, "no answer: " + e, "");
                lastPrint.remove(op.service());
                return;
            }
            int status = answer.status();
            if (status >= 200 && status < 300) {
                s.ok++;
            } else if (status >= 400 && status < 500) {
                s.refused++;
            } else if (status >= 500) {
                s.failedServer++;
            } else {
                s.other++;
            }

            if (status >= 500) {
                record(c, raw, status, "server error", answer.bodyStart());
            }
            if (c.inputClass() == InputClass.VALID && status >= 400) {
                validRefused.add(new Failure(op.name(), c.inputClass(), c.variant(), "refused", raw.summary(), status, answer.bodyStart()));
            }
            if (status >= 400 && status < 500) {
                String problem = problem(answer);
                if (problem != null) {
                    record(c, raw, status, problem, answer.bodyStart());
                }
            }
            // A dry run answers 200 with the errors it found: that is a refusal too, and it must write nothing.
            boolean dryRun = raw.target().matches(".*[?&]dryRun=true(&.*)?");
            boolean reportedErrors = op.answersImportReport() && status == 200 && !JSON.readTree(answer.body()).path("errors").isEmpty();
            if (c.mustRefuse() && status < 400 && !reportedErrors) {
                record(c, raw, status, "accepted input the contract makes invalid", answer.bodyStart());
            }
            try {
                List<String> violations = conformance.get(op.service()).check(op.method(), raw.rawPath(), status, answer.header("Content-Type"),
                        answer::header, answer.body());
                if (!violations.isEmpty()) {
                    record(c, raw, status, "answer outside the contract: " + String.join("; ", violations), answer.bodyStart());
                }
            } catch (IllegalArgumentException e) {
                // The checker cannot decode a malformed path; the Problem check above still ran.
            }

            Map<String, String> after = fingerprints.take(op.service());
            if ((status >= 400 || dryRun || reportedErrors) && !after.equals(before)) {
                record(c, raw, status, "a refused request or dry run changed rows: " + difference(before, after), answer.bodyStart());
            }
            lastPrint.put(op.service(), after);
            if (printedAfterSetupWrites != setupWrites) {
                lastPrint.keySet().retainAll(Set.of(op.service()));
                printedAfterSetupWrites = setupWrites;
            }
            if (status < 300 && op.writes() && c.inputClass() != InputClass.VALID) {
                targets.remove(op.operationId() + op.service());
            }
        }

        /** What is wrong with a 4xx answer as a Problem, or null. */
        private String problem(Answer answer) {
            String type = answer.header("Content-Type");
            if (type == null || !type.split(";")[0].trim().equals("application/problem+json")) {
                return "4xx without application/problem+json (Content-Type " + type + ")";
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem == null || !problem.isObject()) {
                    return "Problem body is not a JSON object";
                }
                if (problem.path("status").asInt(-1) != answer.status()) {
                    return "Problem status " + problem.path("status") + " differs from HTTP " + answer.status();
                }
                if (problem.path("title").asText("").isBlank()) {
                    return "Problem without a title";
                }
                if (!problem.path("detail").isTextual() || problem.path("detail").asText().isBlank()) {
                    return "Problem without a detail";
                }
                return null;
            } catch (IOException e) {
                return "Problem body is not JSON: " + e.getMessage();
            }
        }

        private String difference(Map<String, String> before, Map<String, String> after) {
            List<String> changed = new ArrayList<>();
            after.forEach((table, print) -> {
                if (!print.equals(before.get(table))) {
                    changed.add(table + " " + before.get(table) + " → " + print);
                }
            });
            return String.join(", ", changed);
        }

        private void record(Case c, Raw raw, int status, String what, String body) {
            Failure failure = new Failure(c.op().name(), c.inputClass(), c.variant(), what, raw.summary(), status, body);
            for (Known known : KNOWN) {
                if (known.covers(c.op(), c.inputClass(), c.variant())) {
                    knownSeen.merge(known, 1, Integer::sum);
                    knownFailures.add(failure);
                    stats.get(c.inputClass()).known++;
                    return;
                }
            }
            stats.get(c.inputClass()).failures++;
            failures.add(failure);
        }

        String summary(long seed, int operations, long millis) {
            StringBuilder sb = new StringBuilder("# Contract fuzz summary\n\n");
            sb.append(String.format("Seed %d (`-Dfuzz.seed=%d`), %d operations, %.1f s.%n%n", seed, seed, operations, millis / 1000.0));
            sb.append("| Input class | Sent | 2xx | 4xx | 5xx | Other | Failures | Known |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            Stats total = new Stats();
            stats.forEach((cls, s) -> {
                sb.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d |%n", cls.label, s.sent, s.ok, s.refused, s.failedServer, s.other, s.failures, s.known));
                total.sent += s.sent;
                total.ok += s.ok;
                total.refused += s.refused;
                total.failedServer += s.failedServer;
                total.other += s.other;
                total.failures += s.failures;
                total.known += s.known;
            });
            sb.append(String.format("| **total** | %d | %d | %d | %d | %d | %d | %d |%n", total.sent, total.ok, total.refused, total.failedServer,
                    total.other, total.failures, total.known));
            sb.append("\nFailures and Known count findings: one request can break two checks (no Problem, and a status the contract lacks).\n");
            sb.append("\n## By design (reported, not failing the run)\n\n");
            for (Known known : KNOWN) {
                int seen = knownSeen.getOrDefault(known, 0);
                sb.append(String.format("- %s / %s / %s: %s — %s%n", known.operationId(), known.inputClass().label, known.variant(), known.why(),
                        seen == 0 ? "not hit by this seed" : seen + " finding(s)"));
            }
            knownFailures.stream().limit(5).forEach(f -> sb.append("  ").append(f.toString().replace("\n", "\n  ")).append('\n'));
            sb.append("\n## Valid requests refused (not failures)\n\n");
            validRefused.forEach(f -> sb.append(f).append('\n'));
            sb.append("\n## Failures\n\n");
            if (failures.isEmpty()) {
                sb.append("None.\n");
            }
            failures.forEach(f -> sb.append(f).append('\n'));
            return sb.toString();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    static final JsonNode OMIT = NODES.missingNode();

    private static String baseUrl(String service) {
        return switch (service) {
            case "indicator-service" -> running.indicatorUrl;
            case "project-service" -> running.projectUrl;
            default -> running.reportUrl;
        };
    }

    // ---- places in a body -----------------------------------------------------------------------------------------

    /** A value in a body with the schema that declares it: where the hostile requests put their values. */
    record Slot(JsonNode container, String key, int index, JsonNode schema, boolean required, String path) {
        JsonNode value() {
            return key != null ? container.get(key) : container.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) container).set(key, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            ((ObjectNode) container).remove(key);
        }
    }

    /** Every property and array element of the body that its schema declares, depth first. */
    static List<Slot> slots(Operation op, JsonNode body) {
        List<Slot> slots = new ArrayList<>();
        JsonNode schema = op.jsonBody();
        if (schema != null) {
            collect(op.contract(), body, op.contract().resolve(schema), "", slots);
        }
        return slots;
    }

    private static void collect(Contract contract, JsonNode value, JsonNode schema, String path, List<Slot> slots) {
        if (value.isObject()) {
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode declared = schema.path("properties").path(name);
                JsonNode child = declared.isMissingNode() ? NODES.objectNode() : contract.resolve(declared);
                slots.add(new Slot(value, name, -1, child, required.contains(name), path + "/" + name));
                collect(contract, value.get(name), child, path + "/" + name, slots);
            }
        } else if (value.isArray()) {
            JsonNode items = contract.resolve(schema.path("items"));
            for (int i = 0; i < value.size(); i++) {
                slots.add(new Slot(value, null, i, items, false, path + "/" + i));
                collect(contract, value.get(i), items, path + "/" + i, slots);
            }
        }
    }
}
