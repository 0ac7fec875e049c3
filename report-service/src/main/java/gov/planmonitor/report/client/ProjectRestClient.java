package gov.planmonitor.report.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import gov.planmonitor.support.security.ForwardedAuthorization;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The project service operations reports read, named by their operationIds in the committed contract
 * (project-service/src/main/resources/openapi/openapi.yaml; ClientContractTest checks they exist there,
 * and that every field of the records they return is in the operation's response schema with a compatible type).
 * Wrapped by {@link Downstream}.
 */
@Path("/api/v1")
@RegisterRestClient(configKey = "project-service")
@RegisterClientHeaders(ForwardedAuthorization.class)
interface ProjectRestClient {

    @GET
    @Path("/project-lists/{code}")
    ProjectList getProjectList(@PathParam("code") String code);

    @GET
    @Path("/project-lists/{code}/summary")
    ProjectListSummary summarizeProjectList(@PathParam("code") String code, @QueryParam("year") Integer year);

    @GET
    @Path("/projects")
    Page<Project> listProjects(@QueryParam("list") String list, @QueryParam("page") int page, @QueryParam("size") int size,
                          @QueryParam("sort") String sort);
}
