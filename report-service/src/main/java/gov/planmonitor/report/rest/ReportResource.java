package gov.planmonitor.report.rest;

import com.fasterxml.jackson.databind.JsonNode;
import gov.planmonitor.report.mapping.ReportDiffDto;
import gov.planmonitor.report.mapping.ReportDto;
import gov.planmonitor.report.mapping.ReportRequest;
import gov.planmonitor.report.service.ReportGenerator;
import gov.planmonitor.report.service.ReportService;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.rest.Caller;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import java.util.UUID;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Execution and evaluation reports, generated as jobs and pinned to their data")
public class ReportResource {

    static final String MARKDOWN = "text/markdown";

    private final ReportService reports;
    private final Caller caller;

    public ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "requestReport", summary = "Request a report; it is generated as a job")
    @APIResponse(responseCode = "202", description = "Queued; poll Location until SUCCEEDED or FAILED",
            content = @Content(schema = @Schema(implementation = ReportDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response request(ReportRequest request) {
        ReportDto report = reports.request(request, caller.name());
        return Response.accepted(report).location(UriBuilder.fromResource(ReportResource.class).path(report.id().toString()).build()).build();
    }

    @GET
    @Operation(operationId = "listReports", summary = "List reports, newest first")
    @APIResponse(responseCode = "200", description = "A page of reports")
    public PageDto<ReportDto> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                   @QueryParam("sort") @Parameter(description = "createdAt, type, status; - for descending (default -createdAt)") String sort,
                                   @QueryParam("type") @Parameter(schema = @Schema(enumeration = {"ANNUAL_EXECUTION", "PLAN_EVALUATION",
                                           "DEPARTMENT_SCORECARD", "PROJECT_PROGRESS"})) String type,
                                   @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"})) String status) {
        return reports.list(page, size, sort, type, status);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getReport", summary = "A report's state")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ReportDto.class)))
    public ReportDto get(@PathParam("id") UUID id) {
        return reports.view(id);
    }

    @GET
    @Path("/{id}/content")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @Operation(operationId = "getReportContent", summary = "The report's content: JSON (structured) or Markdown, by Accept or format=")
    @APIResponse(responseCode = "200", description = "The content; identical bytes on every read", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING))})
    public Response content(@PathParam("id") UUID id,
                            @QueryParam("format") @Parameter(schema = @Schema(enumeration = {"json", "markdown"})) String format,
                            @HeaderParam("Accept") String accept) {
        String f = format != null ? format.toLowerCase() : accept != null && accept.contains(MARKDOWN) ? "markdown" : "json";
        JsonNode content = reports.content(id);
        return switch (f) {
            case "json" -> Response.ok(content.toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
            case "markdown", "md" -> Response.ok(ReportGenerator.markdown(content), MARKDOWN + ";charset=UTF-8").build();
            default -> throw new ServiceException.BadQuery("format", "format must be json or markdown (HTML, PDF and XLSX are not available yet)");
        };
    }

    @GET
    @Path("/{id}/diff/{otherId}")
    @Operation(operationId = "diffReports", summary = "What changed between two finished reports",
            description = "Values, growth rates, targets and verdicts of indicators; statuses, progress and investment of projects; list roll-ups. "
                    + "409 when either report has not SUCCEEDED.")
    @APIResponse(responseCode = "200", description = "The changes from {id} to {otherId}",
            content = @Content(schema = @Schema(implementation = ReportDiffDto.class)))
    public ReportDiffDto diff(@PathParam("id") UUID id, @PathParam("otherId") UUID otherId) {
        return reports.diff(id, otherId);
    }
}
