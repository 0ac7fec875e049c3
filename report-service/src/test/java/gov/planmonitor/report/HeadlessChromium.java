package gov.planmonitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven over the Chrome DevTools Protocol with nothing but the JDK's WebSocket client:
 * open a page, collect what the console and the runtime report as errors, take a full-page screenshot.
 * Chromium is started with a fresh profile on a random debugging port and killed (with its helpers) on close.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium; fails (never skips) when Debian's chromium package is not installed. */
    public static HeadlessChromium start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing: install Debian's chromium package (apt-get install chromium) to run the browser tests");
        }
        Path profile = Files.createTempDirectory("report-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = port(profile, process);
            HttpClient http = HttpClient.newHttpClient();
            String page = null;
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (page == null && Instant.now().isBefore(deadline)) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if (t.path("type").asText().equals("page") && t.hasNonNull("webSocketDebuggerUrl")) {
                        page = t.get("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (page == null) {
                    Thread.sleep(100);
                }
            }
            if (page == null) {
                throw new AssertionError("Chromium opened no page target; see " + profile.resolve("chromium.log"));
            }
            Holder holder = new Holder();
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(URI.create(page), holder.listener())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
            holder.owner = chromium;
            return chromium;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            kill(process);
            throw e;
        } catch (Exception e) {
            kill(process);
            throw new IOException("could not connect to Chromium", e);
        }
    }

    /** Chromium writes the port it chose to DevToolsActivePort in the profile once it listens. */
    private static int port(Path profile, Process process) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).trim());
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Chromium did not open its debugging port within " + TIMEOUT);
    }

    /** Receives the protocol's messages, which may come in several frames, and routes answers and events. */
    private static final class Holder {
        volatile HeadlessChromium owner;

        WebSocket.Listener listener() {
            StringBuilder buffer = new StringBuilder();
            return new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    buffer.append(data);
                    if (last) {
                        String message = buffer.toString();
                        buffer.setLength(0);
                        try {
                            owner.receive(JSON.readTree(message));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    ws.request(1);
                    return null;
                }
            };
        }
    }

    private void receive(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else {
            synchronized (events) {
                events.add(message);
                events.notifyAll();
            }
        }
    }

    /** Sends a command and returns its result; a protocol error fails. */
    public JsonNode send(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new AssertionError(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (Exception e) {
            throw new AssertionError(method + " got no answer within " + TIMEOUT, e);
        }
    }

    public JsonNode send(String method) {
        return send(method, Map.of());
    }

    /** Waits for an event (one seen already counts). */
    public JsonNode awaitEvent(String method) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        synchronized (events) {
            while (true) {
                for (JsonNode e : events) {
                    if (e.path("method").asText().equals(method)) {
                        return e;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    throw new AssertionError("no " + method + " within " + TIMEOUT);
                }
                events.wait(left);
            }
        }
    }

    /** Opens a URL with the console and log reported, and waits for the load event. */
    public void open(String url) throws InterruptedException {
        send("Runtime.enable");
        send("Log.enable");
        send("Page.enable");
        JsonNode navigation = send("Page.navigate", Map.of("url", url));
        if (navigation.hasNonNull("errorText")) {
            throw new AssertionError("navigation to " + url + " failed: " + navigation.get("errorText").asText());
        }
        awaitEvent("Page.loadEventFired");
    }

    /** Console errors, uncaught exceptions and browser log errors (a failed request, a blocked resource) so far. */
    public List<String> errors() {
        Predicate<JsonNode> error = e -> switch (e.path("method").asText()) {
            case "Runtime.consoleAPICalled" -> e.path("params").path("type").asText().equals("error");
            case "Runtime.exceptionThrown" -> true;
            case "Log.entryAdded" -> e.path("params").path("entry").path("level").asText().equals("error");
            default -> false;
        };
        synchronized (events) {
            return events.stream().filter(error).map(JsonNode::toString).toList();
        }
    }

    /** A PNG of the whole page at the given CSS width. */
    public byte[] screenshot(int width) {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        JsonNode metrics = send("Page.getLayoutMetrics");
        int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(900));
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    /** The fonts Chromium actually used for the text of the first element matching a selector. */
    public List<String> fontsOf(String selector) {
        send("DOM.enable");
        send("CSS.enable");
        int root = send("DOM.getDocument").path("root").path("nodeId").asInt();
        int node = send("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
        if (node == 0) {
            throw new AssertionError("no element matches " + selector);
        }
        List<String> fonts = new ArrayList<>();
        send("CSS.getPlatformFontsForNode", Map.of("nodeId", node)).path("fonts").forEach(f -> fonts.add(f.path("familyName").asText()));
        return fonts;
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp profile left behind is harmless.
        }
    }

    /** Ends Chromium and the helper processes it started (renderer, GPU, zygote), which outlive it otherwise. */
    private static void kill(Process process) {
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        helpers.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
