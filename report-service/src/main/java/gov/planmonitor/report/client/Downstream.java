package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Calls to the indicator and project services with timeout, retry and circuit breaker. A 404 is an answer
 * (empty); anything else that fails is thrown, and the report job fails with the reason.
 */
@ApplicationScoped
public class Downstream {

    private final IndicatorRestClient indicators;
    private final ProjectRestClient projects;

    public Downstream(@RestClient IndicatorRestClient indicators, @RestClient ProjectRestClient projects) {
        this.indicators = indicators;
        this.projects = projects;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotFound.class)
    public JsonNode annualPlans(int year) {
        return indicators.listPlans("ANNUAL", year);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotFound.class)
    public JsonNode evaluation(String plan, Integer year, String asOf) {
        try {
            return indicators.evaluatePlan(plan, year, asOf);
        } catch (WebApplicationException e) {
            throw notFoundOr(e, "plan " + plan);
        }
    }

    /** The roll-up of a project list, or empty when the list does not exist. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, abortOn = NotFound.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = NotFound.class)
    public JsonNode projectSummary(String list, Integer year) {
        try {
            return projects.summarizeProjectList(list, year);
        } catch (WebApplicationException e) {
            throw notFoundOr(e, "project list " + list);
        }
    }

    private static RuntimeException notFoundOr(WebApplicationException e, String what) {
        if (e.getResponse().getStatus() == 404) {
            return new NotFound(what + " does not exist");
        }
        return e;
    }

    /** The other service answered that the thing does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
