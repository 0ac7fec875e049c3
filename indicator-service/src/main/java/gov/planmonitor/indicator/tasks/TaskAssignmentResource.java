package gov.planmonitor.indicator.tasks;

import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.tabular.Exports;
import gov.planmonitor.support.tabular.ImportReportDto;
import gov.planmonitor.support.tabular.Transfers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A plan's division-of-responsibility table (任务分工), in and out as CSV or XLSX. */
@Path("/api/v1/plans/{code}/task-assignments")
@Tag(name = "Tasks")
public class TaskAssignmentResource {

    private final TaskAssignments assignments;
    private final Exports exports;
    private final Caller caller;

    public TaskAssignmentResource(TaskAssignments assignments, Exports exports, Caller caller) {
        this.assignments = assignments;
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", Transfers.XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "importTaskAssignments", summary = "Assign a plan's tasks from its division-of-responsibility table (任务分工)",
            description = "Columns 序号 (the task's code), 任务 (its text, checked when given), 牵头单位 and 配合单位 (departments by Chinese name or "
                    + "code, separated by 、 ； , or ;), 完成时限 (2018-12-31, 2018年12月31日, 2018年12月底, 2018年底; blank: the plan's end). "
                    + "An XLSX is read from its first sheet. Every row or none: any row error rejects the table (422, every error listed); "
                    + "dryRun=true checks only. Each changed task is audited and announced as task.updated; an unchanged row writes nothing.")
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Transfers.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Assigned (or, with dryRun, checked)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    public ImportReportDto importTable(@PathParam("code") @Parameter(example = "AP2018") String code,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @QueryParam("dryRun") @Parameter(description = "Check only; write nothing (true or false)") Boolean dryRun,
                                       java.io.InputStream body) {
        return assignments.importTable(code, Transfers.format(contentType), body, Boolean.TRUE.equals(dryRun), caller.name());
    }

    @GET
    @SecurityRequirement(name = "bearer")
    @Produces({"text/csv", Transfers.XLSX})
    @Operation(operationId = "exportTaskAssignments", summary = "A plan's division-of-responsibility table (任务分工) as CSV or XLSX",
            description = "Every task of the plan in printed order: 序号 (code), 任务, 牵头单位 and 配合单位 (Chinese names, separated by 、), "
                    + "完成时限 (the deadline in force). Needs a bearer token (any role) unless EXPORTS_PUBLIC=true.")
    @APIResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Transfers.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"planmonitor-<plan>-task-assignments.<format>\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response export(@PathParam("code") @Parameter(example = "AP2018") String code,
                           @QueryParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "xlsx"}), description = "Default csv") String format) {
        String f = format == null ? "csv" : format;
        if (f.equals("json")) {
            throw new gov.planmonitor.support.problem.ServiceException.BadQuery("format", "format must be csv or xlsx");
        }
        return exports.export(f, TaskAssignments.TABLE, code, TaskAssignments.SCHEMA, assignments);
    }
}
