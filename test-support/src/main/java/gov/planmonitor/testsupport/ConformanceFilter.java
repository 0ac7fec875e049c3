package gov.planmonitor.testsupport;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A RestAssured filter that checks every response of the service under test against its committed contract and fails
 * the request (an {@link AssertionError} where the test sent it) when the response is not one the contract allows.
 * Only responses are checked: a test may send a malformed request on purpose, and the server must see it.
 *
 * <p>Skipped: the Quarkus endpoints under {@code /q/} (health, metrics, the OpenAPI document itself), which are not
 * part of the contract, requests to other servers (a WireMock stand-in), and what the CORS filter answers itself.
 *
 * <p>With {@code -Dopenapi.update=true} the served document is used instead of the committed one, so that the run
 * which regenerates the contract is not failed by the old one; {@link Contract} then writes the new file.
 */
public final class ConformanceFilter implements OrderedFilter {

    /** Every violation of the run, also when a test catches the error, for a look after the build. */
    static final Path LOG = Path.of("target/contract-conformance.txt");

    private static ContractConformance contract;
    private static int contractPort = -1;

    /** Contracts by port, for tests of several running services; null for the one service under test. */
    private final Map<Integer, ContractConformance> byPort;
    private final Map<Integer, Path> filesByPort;

    /** The service under test (RestAssured's port) against its committed contract. */
    public ConformanceFilter() {
        this.byPort = null;
        this.filesByPort = null;
    }

    /** Several running services, each answering on its port, against their committed contract files. */
    public ConformanceFilter(Map<Integer, Path> contracts) {
        this.byPort = new HashMap<>();
        this.filesByPort = Map.copyOf(contracts);
        contracts.forEach((port, file) -> byPort.put(port, ContractConformance.ofYaml(file)));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        Response response = ctx.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        int port = uri.getPort() == -1 ? request.getPort() : uri.getPort();
        boolean covered = byPort == null ? port == RestAssured.port : byPort.containsKey(port);
        if (!covered || uri.getRawPath().startsWith("/q/") || answeredByCorsFilter(request, response)) {
            return response;
        }
        ContractConformance checker = byPort == null ? contract(port) : byPort.get(port);
        List<String> problems = checker.check(request.getMethod(), uri.getRawPath(), response.statusCode(),
                response.contentType(), response::header, response.asByteArray());
        if (!problems.isEmpty()) {
            Object source = byPort != null ? filesByPort.get(port) : Boolean.getBoolean("openapi.update") ? "(served)" : Contract.COMMITTED;
            String message = "The response of " + request.getMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " does not conform to the contract "
                    + source + ":\n  - " + String.join("\n  - ", problems);
            log(message);
            throw new AssertionError(message);
        }
        return response;
    }

    /**
     * A CORS preflight, or a browser request refused for its origin: the HTTP layer answers these before any
     * operation of the contract runs, the same way for every path.
     */
    private static boolean answeredByCorsFilter(FilterableRequestSpecification request, Response response) {
        boolean preflight = "OPTIONS".equals(request.getMethod()) && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
        boolean refusedOrigin = request.getHeaders().hasHeaderWithName("Origin") && response.statusCode() == 403
                && response.header("Access-Control-Allow-Origin") == null;
        return preflight || refusedOrigin;
    }

    @Override
    public int getOrder() {
        // Outermost, so it sees the response as the test will.
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }

    private static synchronized ContractConformance contract(int port) {
        if (contract == null || Boolean.getBoolean("openapi.update") && contractPort != port) {
            contract = Boolean.getBoolean("openapi.update") ? ContractConformance.ofText(served(port)) : ContractConformance.ofYaml(Contract.COMMITTED);
            contractPort = port;
        }
        return contract;
    }

    /** The served document, fetched without RestAssured so that this filter is not re-entered. */
    private static String served(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void log(String message) {
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(LOG, message + "\n\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the assertion carries the message anyway
        }
    }
}
