package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import gov.planmonitor.support.security.ForwardedAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The project service operations reports read, named by their operationIds in the committed contract
 * (project-service/src/main/resources/openapi/openapi.yaml; ClientContractTest checks they exist there).
 * Wrapped by {@link Downstream}.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "project-service")
@RegisterClientHeaders(ForwardedAuthorization.class)
interface ProjectRestClient {

    @GET
    @Path("/project-lists/{code}")
    JsonNode getProjectList(@PathParam("code") String code);

    @GET
    @Path("/project-lists/{code}/summary")
    JsonNode summarizeProjectList(@PathParam("code") String code, @QueryParam("year") Integer year);

    @GET
    @Path("/projects")
    JsonNode listProjects(@QueryParam("list") String list, @QueryParam("page") int page, @QueryParam("size") int size,
                          @QueryParam("sort") String sort);
}
