package gov.planmonitor.project.client;

import gov.planmonitor.support.observability.SuiteMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/** Asks the indicator service whether plan indicators exist, so projects link only to real ones. */
@ApplicationScoped
public class IndicatorClient {

    private static final String INDICATOR_SERVICE = "indicator-service";

    private final IndicatorRestClient client;
    private final SuiteMetrics metrics;

    public IndicatorClient(@RestClient IndicatorRestClient client, SuiteMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** True when the indicator exists, false on 404; any other answer means the service cannot tell now. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public boolean exists(String code) {
        try (Response response = client.get(code)) {
            if (response.getStatus() == 200) {
                return true;
            }
            if (response.getStatus() == 404) {
                return false;
            }
            metrics.downstreamFailed(INDICATOR_SERVICE);
            throw new IllegalStateException("indicator service answered " + response.getStatus());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            metrics.downstreamFailed(INDICATOR_SERVICE);
            throw new IllegalStateException("indicator service answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            metrics.downstreamFailed(INDICATOR_SERVICE);
            throw new IllegalStateException("indicator service unreachable", e);
        }
    }
}
