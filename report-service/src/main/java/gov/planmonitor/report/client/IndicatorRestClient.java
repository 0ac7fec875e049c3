package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The indicator service operations reports read (operationIds listPlans, evaluatePlan); wrapped by {@link Downstream}. */
@Path("/api/v1/plans")
@RegisterRestClient(configKey = "indicator-service")
interface IndicatorRestClient {

    @GET
    JsonNode listPlans(@QueryParam("kind") String kind, @QueryParam("year") Integer year);

    @GET
    @Path("/{code}/evaluation")
    JsonNode evaluatePlan(@PathParam("code") String code, @QueryParam("year") Integer year, @QueryParam("asOf") String asOf);
}
