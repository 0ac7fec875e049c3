package gov.planmonitor.project.lists;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.rest.Http;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/project-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Project lists", description = "The plan's key projects (附件1) and the annual key project lists, with roll-ups")
public class ProjectListResource {

    private final ProjectListService lists;

    public ProjectListResource(ProjectListService lists) {
        this.lists = lists;
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listProjectLists", summary = "List project lists")
    @APIResponse(responseCode = "200", description = "A page of lists")
    public PageDto<ProjectListDto> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                        @QueryParam("sort") @Parameter(description = "code (default), year, nameZh") String sort,
                                        @QueryParam("year") Integer year,
                                        @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        return lists.list(page, size, sort, year, Http.updatedSince(updatedSince));
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createProjectList", summary = "Create a project list")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectListDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response create(ProjectListInput input) {
        Versioned<ProjectListDto> created = lists.create(input);
        return Http.created(UriBuilder.fromResource(ProjectListResource.class).path(created.body().code()).build(), created);
    }

    @GET
    @Path("/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getProjectList", summary = "Get a project list with its reported figures")
    @APIResponse(responseCode = "200", description = "The list", content = @Content(schema = @Schema(implementation = ProjectListDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "AP2017-KEY") String code) {
        return Http.ok(lists.view(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "updateProjectList", summary = "Replace a project list (needs If-Match)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProjectListDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("code") String code,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                           ProjectListInput input) {
        return Http.ok(lists.update(code, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/{code}/summary")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "summarizeProjectList", summary = "Roll-up: counts by category, status and zone; planned vs completed investment; overdue milestones; reported vs computed")
    @APIResponse(responseCode = "200", description = "The roll-up")
    public ListSummaryDto summary(@PathParam("code") @Parameter(example = "FYP13-KEY") String code,
                                  @QueryParam("year") @Parameter(description = "Year of the investment figures (default: the list's year; all years if it has none)") Integer year) {
        return lists.summary(code, year);
    }
}
