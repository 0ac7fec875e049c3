package gov.planmonitor.indicator.tasks;

import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.rest.Http;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.write.IfMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.time.LocalDate;
import java.util.List;

/**
 * Plan tasks (主要任务, 重点工作): planners create, assign and re-time them; departments report progress; oversight lists
 * them by department, status and deadline. Not cached: DELAYED follows the clock, not a write.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks", description = "Plan tasks and key work: who leads and supports them, deadlines, progress updates and oversight")
public class TaskResource {

    private final TaskService tasks;
    private final TaskSearch search;
    private final TaskProgress progress;

    public TaskResource(TaskService tasks, TaskSearch search, TaskProgress progress) {
        this.tasks = tasks;
        this.search = search;
        this.progress = progress;
    }

    @GET
    @Operation(operationId = "listTasks", summary = "Tasks, filtered for oversight (督查督办)",
            description = "In the plan's printed order (area, sub-area, task) unless sorted by deadline or code. status=DELAYED gives the open "
                    + "tasks past their deadline (as does overdue=true); NOT_STARTED and IN_PROGRESS give the open ones still in time.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    public PageDto<TaskDto> list(@QueryParam("plan") @Parameter(description = "Plan code", example = "AP2018") String plan,
                                 @QueryParam("department") @Parameter(description = "A unit that leads or supports the task", example = "DRC") String department,
                                 @QueryParam("role") @Parameter(description = "With department: only where it leads (LEAD) or supports (SUPPORT)",
                                         schema = @Schema(enumeration = {"LEAD", "SUPPORT"})) String role,
                                 @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED", "DELAYED"})) String status,
                                 @QueryParam("overdue") @Parameter(description = "true: open past the deadline; false: all others") Boolean overdue,
                                 @QueryParam("deadlineFrom") @Parameter(description = "Deadline on or after (ISO date)", example = "2018-01-01") LocalDate deadlineFrom,
                                 @QueryParam("deadlineTo") @Parameter(description = "Deadline on or before (ISO date)", example = "2018-12-31") LocalDate deadlineTo,
                                 @QueryParam("level") @Parameter(schema = @Schema(enumeration = {"AREA", "SUB_AREA", "TASK"})) String level,
                                 @QueryParam("parent") @Parameter(description = "Only the tasks directly under this area or sub-area", example = "AP2018-T1") String parent,
                                 @QueryParam("unassigned") @Parameter(description = "true: no lead unit yet; false: with one") Boolean unassigned,
                                 @QueryParam("commitment") @Parameter(description = "The task an indicator quantifies (its commitment)", example = "AP2018-101") String commitment,
                                 @QueryParam("page") @Parameter(description = "0-based page") Integer page,
                                 @QueryParam("size") @Parameter(description = "Page size (capped at 200)") Integer size,
                                 @QueryParam("sort") @Parameter(schema = @Schema(enumeration = {"outline", "deadline", "-deadline", "code", "-code"}),
                                         description = "Default outline (the plan's printed order)") String sort) {
        return search.list(new TaskSearch.Filters(plan, department, role, status, overdue, deadlineFrom, deadlineTo, level, parent, unassigned, commitment),
                page, size, sort);
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createTask", summary = "Create a task (an area, a sub-area under an area, or a task under either)",
            description = "Recorded in the audit trail and announced as task.created. Its commitments' departments become the task's.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = TaskDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response create(TaskInput input) {
        Versioned<TaskDto> created = tasks.create(input);
        return Http.created(UriBuilder.fromResource(TaskResource.class).path(created.body().code()).build(), created);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getTask", summary = "One task, with its commitments' verdicts")
    @APIResponse(responseCode = "200", description = "The task", content = @Content(schema = @Schema(implementation = TaskDto.class)),
            headers = @Header(name = "ETag", description = "Send it back in If-Match to replace the task", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "AP2018-T1-2-1") String code) {
        return Http.ok(tasks.view(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "replaceTask", summary = "Replace a task: assign its units, re-time it, re-word it, attach commitments (needs If-Match)",
            description = "The plan and code stay; a task holding others keeps its parent. A deadline moved to today or later is announced "
                    + "as task.delayed again when it passes. Announced as task.updated.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = TaskDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response replace(@PathParam("code") String code,
                            @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                            TaskInput input) {
        return Http.ok(tasks.replace(code, input, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "deleteTask", summary = "Delete a task entered by mistake (no sub-tasks, no progress updates)",
            description = "A task that was worked on is cancelled instead (a progress update with status CANCELLED). Announced as task.deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The task holds other tasks or has progress updates")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the task changed since it was read")
    public Response delete(@PathParam("code") String code,
                           @HeaderParam("If-Match") @Parameter(description = "Optional: the ETag of the last read") String ifMatch) {
        tasks.delete(code, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{code}/updates")
    @Operation(operationId = "listTaskUpdates", summary = "A task's progress updates, oldest first")
    @APIResponse(responseCode = "200", description = "The updates")
    public List<TaskUpdateDto> updates(@PathParam("code") @Parameter(example = "AP2018-T1-2-1") String code) {
        return progress.list(code);
    }

    @POST
    @Path("/{code}/updates")
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "postTaskUpdate", summary = "Report progress on a task",
            description = "A lead unit reports and starts or completes the task; a supporting unit reports without a status; a planner "
                    + "suspends, resumes, cancels or reopens it with the reason as text. commitmentValues are recorded as values of the task's "
                    + "commitments (observations; the unit must be responsible for them, which it is once the task is assigned to it). "
                    + "Announced as taskUpdate.created and, when the status or progress moved, task.updated.")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(schema = @Schema(implementation = TaskUpdateDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response post(@PathParam("code") String code, TaskUpdateInput input) {
        Versioned<TaskUpdateDto> posted = progress.post(code, input);
        return Http.created(UriBuilder.fromResource(TaskResource.class).path(code).path("updates").path(Long.toString(posted.body().id())).build(), posted);
    }

    @GET
    @Path("/{code}/updates/{id}")
    @Operation(operationId = "getTaskUpdate", summary = "One progress update")
    @APIResponse(responseCode = "200", description = "The update", content = @Content(schema = @Schema(implementation = TaskUpdateDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("code") String code, @PathParam("id") @Parameter(example = "1") long id) {
        return Http.ok(progress.view(code, id));
    }

    @POST
    @Path("/{code}/updates/{id}/return")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "returnTaskUpdate", summary = "Return a progress update to its department with a comment",
            description = "The update stays on record, marked returned; the status it set goes back (if the task is still there) and the "
                    + "progress becomes the latest standing update's. Values it recorded stay (correct them through the observations). "
                    + "Announced as taskUpdate.updated and, when the task changed, task.updated.")
    @APIResponse(responseCode = "200", description = "Returned", content = @Content(schema = @Schema(implementation = TaskUpdateDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "Already returned")
    public Response giveBack(@PathParam("code") String code, @PathParam("id") long id, TaskReturnInput input) {
        return Http.ok(progress.giveBack(code, id, input));
    }
}
