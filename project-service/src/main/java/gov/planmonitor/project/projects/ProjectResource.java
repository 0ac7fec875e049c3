package gov.planmonitor.project.projects;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.project.progress.InvestmentDto;
import gov.planmonitor.project.progress.InvestmentInput;
import gov.planmonitor.project.progress.MilestoneDto;
import gov.planmonitor.project.progress.MilestoneInput;
import gov.planmonitor.project.progress.ProgressUpdateDto;
import gov.planmonitor.project.progress.ProgressUpdateInput;
import gov.planmonitor.project.progress.ProgressService;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.privacy.People;
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

import java.util.List;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "Key projects: lifecycle, investment, milestones and progress")
public class ProjectResource {

    private final ProjectService projects;
    private final ProgressService progress;
    private final CancellationService cancellations;
    private final Caller caller;
    private final People people;
    private final Answerable answerable;
    private final ProjectSearch search;

    public ProjectResource(ProjectService projects, ProgressService progress, CancellationService cancellations, Caller caller,
                           People people, Answerable answerable, ProjectSearch search) {
        this.search = search;
        this.projects = projects;
        this.progress = progress;
        this.cancellations = cancellations;
        this.caller = caller;
        this.people = people;
        this.answerable = answerable;
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listProjects", summary = "Find projects")
    @APIResponse(responseCode = "200", description = "A page of projects")
    public PageDto<ProjectDto> list(@QueryParam("list") @Parameter(description = "Project list code", example = "FYP13-KEY") String list,
                                    @QueryParam("category") @Parameter(example = "PEOPLES_LIVELIHOOD") String category,
                                    @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"IDENTIFICATION", "PREPARATION",
                                            "IMPLEMENTATION", "COMPLETION", "COMPLETED", "CANCELLED", "SUSPENDED"})) String status,
                                    @QueryParam("zone") @Parameter(description = "Zone code, or NONE") String zone,
                                    @QueryParam("department") @Parameter(description = "Responsible department code", example = "DRC") String department,
                                    @QueryParam("year") @Parameter(description = "Projects with investment figures in, or on a list of, this year") Integer year,
                                    @QueryParam("overdue") @Parameter(description = "true: only projects with overdue milestones") Boolean overdue,
                                    @QueryParam("q") @Parameter(description = "Substring of the Chinese or English name or tasks", example = "排水") String q,
                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                    @QueryParam("sort") @Parameter(description = "seq (in list; default with list=), id (default), nameZh, nameEn, status, category; - for descending") String sort,
                                    @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        return search.list(new ProjectSearch.Filter(list, category, status, zone, department, year, overdue, q,
                Http.updatedSince(updatedSince)), page, size, sort);
    }

    @POST
    @APIResponse(responseCode = "503", description = "The indicator service, which checks the linked plan indicators, did not answer; nothing was written")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createProject", summary = "Create a project")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProjectDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response create(ProjectInput input) {
        Versioned<ProjectDto> created = projects.create(input);
        return Http.created(UriBuilder.fromResource(ProjectResource.class).path(created.body().id()).build(), created);
    }

    @GET
    @Path("/{id}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getProject", summary = "Get a project")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(schema = @Schema(implementation = ProjectDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("id") @Parameter(example = "FYP13-KP-01") String id) {
        return Http.ok(projects.view(id));
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "503", description = "The indicator service, which checks the linked plan indicators, did not answer; nothing was written")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "updateProject", summary = "Replace a project (needs If-Match; status changes go through /status)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProjectDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("id") String id,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                           ProjectInput input) {
        return Http.ok(projects.update(id, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/{id}/status")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getProjectStatus", summary = "Current status, allowed next steps and history")
    @APIResponse(responseCode = "200", description = "Status and history")
    public StatusDto status(@PathParam("id") String id) {
        StatusDto status = projects.status(id);
        // A reader who may not see people gets the project's lead department as the author of each step.
        return people.visible() ? status : status.attributedTo(answerable.of(id, Roles.PLANNER));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "changeProjectStatus", summary = "Move the project to another lifecycle stage; a refused step says why",
            description = "Planners, and the departments responsible for the project; others get 403. Moving the project to CANCELLED, "
                    + "which is final, is a planner's decision (or an admin's): a department gets 403 and asks for it through "
                    + "POST /api/v1/projects/{id}/cancellation-requests instead. Send If-Match with the project's "
                    + "ETag: a change based on a stale read gets 412 instead of overriding the one made in between. Two changes at the same "
                    + "moment cannot both pass either way: the project's version is checked when the change is saved.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = StatusDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The project's new ETag", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "412", description = "The project changed since it was read (another status change came first)")
    public Response changeStatus(@PathParam("id") String id,
                                 @HeaderParam("If-Match") @Parameter(description = "The project's ETag from the last read (recommended; optional for clients of contract 1.0)") String ifMatch,
                                 StatusChangeInput input) {
        Versioned<StatusDto> status = projects.changeStatus(id, input, IfMatch.of(ifMatch));
        return Response.created(UriBuilder.fromResource(ProjectResource.class).path(id).path("status").build()).entity(status.body())
                .header("ETag", gov.planmonitor.support.paging.Versions.etag(status.version())).build();
    }

    @GET
    @Path("/{id}/cancellation-requests")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listCancellationRequests",
            summary = "Requests to cancel the project, open and decided, in the order they were made")
    @APIResponse(responseCode = "200", description = "Cancellation requests")
    public List<CancellationRequestDto> cancellationRequests(@PathParam("id") String id) {
        return shown(id, cancellations.list(id));
    }

    /** Requests as this caller may see them: a reader who may not see people gets the lead department and planner instead. */
    private List<CancellationRequestDto> shown(String id, List<CancellationRequestDto> requests) {
        if (people.visible() || requests.isEmpty()) {
            return requests;
        }
        String asker = answerable.of(id, Roles.PLANNER);
        return requests.stream().map(r -> r.attributedTo(asker, Roles.PLANNER)).toList();
    }

    @POST
    @Path("/{id}/cancellation-requests")
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "requestProjectCancellation", summary = "Ask for the project's cancellation, which a planner approves or refuses",
            description = "Cancelling a project is final, so it is a planner's decision: the departments responsible for the project (lead or "
                    + "support) ask for it here, with the reason; planners may too. Others get 403. One request may be open at a time.")
    @APIResponse(responseCode = "201", description = "Requested (OPEN)", content = @Content(schema = @Schema(implementation = CancellationRequestDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The project has an open cancellation request already, or cannot be cancelled in its status (COMPLETED, CANCELLED, COMPLETION)")
    public Response requestCancellation(@PathParam("id") String id, CancellationRequestInput input) {
        CancellationRequestDto request = cancellations.request(id, input);
        return Response.created(UriBuilder.fromResource(ProjectResource.class).path(id).path("cancellation-requests")
                .path(String.valueOf(request.id())).build()).entity(request).build();
    }

    @GET
    @Path("/{id}/cancellation-requests/{requestId}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getCancellationRequest",
            summary = "One request to cancel the project")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = CancellationRequestDto.class)))
    public CancellationRequestDto cancellationRequest(@PathParam("id") String id, @PathParam("requestId") @Parameter(example = "7") long requestId) {
        return shown(id, List.of(cancellations.get(id, requestId))).get(0);
    }

    @POST
    @Path("/{id}/cancellation-requests/{requestId}/approval")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "approveCancellationRequest", summary = "Approve an open cancellation request: the project moves to CANCELLED",
            description = "Planners only. The project moves to CANCELLED through its lifecycle, today; that step of its history (GET …/status) "
                    + "names the request and gives its reason with the comment.")
    @APIResponse(responseCode = "200", description = "Approved; the project is CANCELLED", content = @Content(schema = @Schema(implementation = CancellationRequestDto.class)))
    @APIResponse(responseCode = "409", description = "The request was decided already (a decision is final), or the project can no longer be cancelled")
    @APIResponse(responseCode = "412", description = "The project's status changed at the same moment; read it again")
    public CancellationRequestDto approveCancellation(@PathParam("id") String id, @PathParam("requestId") long requestId, CancellationDecisionInput input) {
        return cancellations.approve(id, requestId, input);
    }

    @POST
    @Path("/{id}/cancellation-requests/{requestId}/refusal")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "refuseCancellationRequest", summary = "Refuse an open cancellation request: the project's status stays",
            description = "Planners only. The request keeps the comment.")
    @APIResponse(responseCode = "200", description = "Refused", content = @Content(schema = @Schema(implementation = CancellationRequestDto.class)))
    @APIResponse(responseCode = "409", description = "The request was decided already (a decision is final)")
    public CancellationRequestDto refuseCancellation(@PathParam("id") String id, @PathParam("requestId") long requestId, CancellationDecisionInput input) {
        return cancellations.refuse(id, requestId, input);
    }

    @GET
    @Path("/{id}/investments")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listInvestments", summary = "Planned and completed investment by year")
    @APIResponse(responseCode = "200", description = "Yearly figures")
    public List<InvestmentDto> investments(@PathParam("id") String id) {
        return progress.investments(id);
    }

    @GET
    @Path("/{id}/investments/{year}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getInvestment", summary = "One year's investment figures")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(schema = @Schema(implementation = InvestmentDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response investment(@PathParam("id") String id, @PathParam("year") int year) {
        return Http.ok(progress.investment(id, year));
    }

    @PUT
    @Path("/{id}/investments/{year}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "putInvestment", summary = "Record (201) or replace (200, needs If-Match) a year's planned and completed investment",
            description = "A department token may report the projects its departments are responsible for; others get 403.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = InvestmentDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = InvestmentDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response putInvestment(@PathParam("id") String id, @PathParam("year") int year,
                                  @HeaderParam("If-Match") @Parameter(description = "Required to replace existing figures") String ifMatch,
                                  InvestmentInput input) {
        ProgressService.Written<InvestmentDto> written = progress.putInvestment(id, year, input, IfMatch.of(ifMatch));
        return written.created()
                ? Http.created(UriBuilder.fromResource(ProjectResource.class).path(id).path("investments").path(String.valueOf(year)).build(), written.value())
                : Http.ok(written.value());
    }

    @GET
    @Path("/{id}/milestones")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listMilestones", summary = "Milestones, overdue ones flagged")
    @APIResponse(responseCode = "200", description = "Milestones by planned date")
    public List<MilestoneDto> milestones(@PathParam("id") String id) {
        return progress.milestones(id);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "addMilestone", summary = "Add a milestone",
            description = "A department token may report the projects its departments are responsible for; others get 403.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = MilestoneDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response addMilestone(@PathParam("id") String id, MilestoneInput input) {
        Versioned<MilestoneDto> created = progress.addMilestone(id, input);
        return Http.created(UriBuilder.fromResource(ProjectResource.class).path(id).path("milestones").path(String.valueOf(created.body().id())).build(), created);
    }

    @GET
    @Path("/{id}/milestones/{milestoneId}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getMilestone", summary = "One milestone")
    @APIResponse(responseCode = "200", description = "The milestone", content = @Content(schema = @Schema(implementation = MilestoneDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response milestone(@PathParam("id") String id, @PathParam("milestoneId") long milestoneId) {
        return Http.ok(progress.milestone(id, milestoneId));
    }

    @PUT
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "updateMilestone", summary = "Replace a milestone (needs If-Match), e.g. to record it reached",
            description = "A department token may report the projects its departments are responsible for; others get 403.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = MilestoneDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response updateMilestone(@PathParam("id") String id, @PathParam("milestoneId") long milestoneId,
                                    @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                                    MilestoneInput input) {
        return Http.ok(progress.updateMilestone(id, milestoneId, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/{id}/updates")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listProgressUpdates", summary = "Dated progress updates, newest first")
    @APIResponse(responseCode = "200", description = "Updates")
    public List<ProgressUpdateDto> updates(@PathParam("id") String id) {
        List<ProgressUpdateDto> updates = progress.updates(id);
        if (people.visible() || updates.isEmpty()) {
            return updates;
        }
        String lead = answerable.of(id, Roles.ADMIN);
        return updates.stream().map(u -> u.attributedTo(lead)).toList();
    }

    @POST
    @Path("/{id}/updates")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "addProgressUpdate", summary = "Report progress (text, optional percent, document links)",
            description = "A department token may report the projects its departments are responsible for; others get 403.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ProgressUpdateDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response addUpdate(@PathParam("id") String id, ProgressUpdateInput input) {
        ProgressUpdateDto update = progress.addUpdate(id, input);
        return Response.created(UriBuilder.fromResource(ProjectResource.class).path(id).path("updates").build()).entity(update).build();
    }
}
