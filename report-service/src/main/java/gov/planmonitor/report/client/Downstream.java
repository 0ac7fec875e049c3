package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.support.observability.SuiteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Calls to the indicator and project services with timeout, retry and circuit breaker. A 404 is an answer
 * ({@link NotFound}, neither retried nor counted as a failure); anything else that fails is thrown, and the caller
 * turns it into a 503 (request time) or a FAILED job with the reason (generation time).
 */
@ApplicationScoped
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 300, abortOn = Downstream.NotFound.class)
@CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = Downstream.NotFound.class)
public class Downstream {

    /** Largest page the project service serves; a list with more members is read page by page. */
    static final int PAGE_SIZE = 200;

    private final IndicatorRestClient indicators;
    private final ProjectRestClient projects;
    private final SuiteMetrics metrics;

    public Downstream(@RestClient IndicatorRestClient indicators, @RestClient ProjectRestClient projects, SuiteMetrics metrics) {
        this.indicators = indicators;
        this.projects = projects;
        this.metrics = metrics;
    }

    public JsonNode annualPlans(int year) {
        return call(() -> indicators.listPlans("ANNUAL", year), "annual plans of " + year, INDICATOR_SERVICE);
    }

    public JsonNode plan(String code) {
        return call(() -> indicators.getPlan(code), "plan " + code, INDICATOR_SERVICE);
    }

    public JsonNode evaluation(String plan, Integer year, String asOf) {
        return call(() -> indicators.evaluatePlan(plan, year, asOf), "plan " + plan, INDICATOR_SERVICE);
    }

    public JsonNode department(String code) {
        return call(() -> indicators.getDepartment(code), "department " + code, INDICATOR_SERVICE);
    }

    public JsonNode projectList(String code) {
        return call(() -> projects.getProjectList(code), "project list " + code, PROJECT_SERVICE);
    }

    public JsonNode projectSummary(String list, Integer year) {
        return call(() -> projects.summarizeProjectList(list, year), "project list " + list, PROJECT_SERVICE);
    }

    /** One page of a list's projects in printed order. */
    public JsonNode projectsPage(String list, int page) {
        return call(() -> projects.listProjects(list, page, PAGE_SIZE, "seq"), "project list " + list, PROJECT_SERVICE);
    }

    private static final String INDICATOR_SERVICE = "indicator-service";
    private static final String PROJECT_SERVICE = "project-service";

    private JsonNode call(Supplier<JsonNode> request, String what, String service) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new NotFound(what + " does not exist");
            }
            metrics.downstreamFailed(service);
            throw new Unavailable(service + " did not answer for " + what + " (it returned " + e.getResponse().getStatus() + ")", e);
        } catch (ProcessingException e) {
            // Connection refused or reset, a timeout of the socket: the service is down or restarting.
            metrics.downstreamFailed(service);
            throw new Unavailable(service + " did not answer for " + what + " (" + rootMessage(e) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The other service could not be reached or failed; the message names it. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The other service answered that the thing does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
