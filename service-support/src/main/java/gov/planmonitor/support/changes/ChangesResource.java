package gov.planmonitor.support.changes;

import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's change feed: every committed write, in commit order, for systems that keep a copy in step. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Every committed write as a CloudEvents event, in commit order, for systems that keep in step")
public class ChangesResource {

    private final ChangeFeed feed;

    public ChangesResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.REPORTER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listChanges", summary = "The changes after a cursor, in commit order: keep the answer's next and send it as after= next time")
    @APIResponse(responseCode = "200", description = "Events in commit order (none when nothing new has committed), and the cursor to go on from")
    public ChangePageDto list(@QueryParam("after") @Parameter(description = "The next of an earlier answer; absent: from the first change") String after,
                              @QueryParam("limit") @Parameter(description = "At most this many events (1 to 500, default 100)", example = "100") Integer limit,
                              @QueryParam("types") @Parameter(description = "Only these event types, comma-separated", example = "gov.planmonitor.indicator.observation.updated") String types) {
        return feed.read(after, limit, types);
    }
}
