package gov.planmonitor.project.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import gov.planmonitor.support.security.ForwardedAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The one call this service makes to the indicator service; wrapped by {@link IndicatorClient}. */
@Path("/api/v1/indicators")
@RegisterRestClient(configKey = "indicator-service")
@RegisterClientHeaders(ForwardedAuthorization.class)
interface IndicatorRestClient {

    @GET
    @Path("/{code}")
    Response get(@PathParam("code") String code);
}
