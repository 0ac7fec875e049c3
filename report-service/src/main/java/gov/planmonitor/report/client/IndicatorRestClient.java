package gov.planmonitor.report.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import gov.planmonitor.support.security.ForwardedAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The indicator service operations reports read, named by their operationIds in the committed contract
 * (indicator-service/src/main/resources/openapi/openapi.yaml; ClientContractTest checks they exist there,
 * and that every field of the records they return is in the operation's response schema with a compatible type).
 * Wrapped by {@link Downstream}.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "indicator-service")
@RegisterClientHeaders(ForwardedAuthorization.class)
interface IndicatorRestClient {

    @GET
    @Path("/plans")
    Page<Plan> listPlans(@QueryParam("kind") String kind, @QueryParam("year") Integer year);

    @GET
    @Path("/plans/{code}")
    Plan getPlan(@PathParam("code") String code);

    @GET
    @Path("/plans/{code}/evaluation")
    PlanEvaluation evaluatePlan(@PathParam("code") String code, @QueryParam("year") Integer year, @QueryParam("asOf") String asOf);

    @GET
    @Path("/departments/{code}")
    Department getDepartment(@PathParam("code") String code);

    /** A plan's tasks in the plan's printed order (areas, their sub-areas, their tasks); a department's, lead or supporting, when given. */
    @GET
    @Path("/tasks")
    Page<Task> listTasks(@QueryParam("plan") String plan, @QueryParam("department") String department, @QueryParam("page") int page,
                         @QueryParam("size") int size);
}
