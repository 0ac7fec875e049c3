package gov.planmonitor.project.client;

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

    private final IndicatorRestClient client;

    public IndicatorClient(@RestClient IndicatorRestClient client) {
        this.client = client;
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
            throw new IllegalStateException("indicator service answered " + response.getStatus());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw new IllegalStateException("indicator service answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new IllegalStateException("indicator service unreachable", e);
        }
    }
}
