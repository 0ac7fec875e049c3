package gov.planmonitor.report.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The project service operation reports read (summarizeProjectList); wrapped by {@link Downstream}. */
@Path("/api/v1/project-lists")
@RegisterRestClient(configKey = "project-service")
interface ProjectRestClient {

    @GET
    @Path("/{code}/summary")
    JsonNode summarizeProjectList(@PathParam("code") String code, @QueryParam("year") Integer year);
}
