package gov.planmonitor.report.rest;

import gov.planmonitor.support.rest.Http;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.report.mapping.ReportDiffDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportDto;
import gov.planmonitor.report.mapping.ReportRequest;
import gov.planmonitor.report.render.ReportFormat;
import gov.planmonitor.report.render.ReportFormat.Media;
import gov.planmonitor.report.service.ReportService;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.problem.Problem;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.privacy.People;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

    private final ReportService reports;
    private final Caller caller;
    private final People people;

    public ReportResource(ReportService reports, Caller caller, People people) {
        this.reports = reports;
        this.caller = caller;
        this.people = people;
    }

    @POST
    @APIResponse(responseCode = "503", description = "A service the parameters are checked with did not answer; nothing was queued")
    @RolesAllowed({Roles.REPORTER, Roles.ADMIN})
    @Operation(operationId = "requestReport", summary = "Request a report; it is generated as a job",
            description = "The report records who requested it (createdBy). The parameters are checked with the other services using the "
                    + "caller's token; the job later reads them under report-service's own service identity.")
    @APIResponse(responseCode = "202", description = "Queued; poll Location until SUCCEEDED or FAILED",
            content = @Content(schema = @Schema(implementation = ReportDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response request(@RequestBody(content = @Content(schema = @Schema(implementation = ReportRequest.class), examples = {
            @ExampleObject(name = "annualExecution", summary = "2017 annual execution report (越秀区2017年计划执行情况)",
                    value = "{\"type\":\"ANNUAL_EXECUTION\",\"year\":2017}"),
            @ExampleObject(name = "finalEvaluation", summary = "Final evaluation of the 12th Five-Year Plan (十二五总结评估)",
                    value = "{\"type\":\"PLAN_EVALUATION\",\"plan\":\"FYP12\"}"),
            @ExampleObject(name = "midTermEvaluation", summary = "Mid-term evaluation of the 13th Five-Year Plan, pinned to a time",
                    value = "{\"type\":\"PLAN_EVALUATION\",\"plan\":\"FYP13\",\"year\":2017,\"asOf\":\"2018-02-08T00:00:00Z\"}"),
            @ExampleObject(name = "departmentScorecard", summary = "区发改局 (DRC) scorecard for the 13th FYP in 2017",
                    value = "{\"type\":\"DEPARTMENT_SCORECARD\",\"department\":\"DRC\",\"plan\":\"FYP13\",\"year\":2017}"),
            @ExampleObject(name = "projectProgress", summary = "Progress of the 70 key projects of 附件1",
                    value = "{\"type\":\"PROJECT_PROGRESS\",\"list\":\"FYP13-KEY\"}"),
            @ExampleObject(name = "oversight", summary = "Oversight bulletin (督查通报) of the 2018 plan's key work as of 2 January 2019",
                    value = "{\"type\":\"OVERSIGHT\",\"plan\":\"AP2018\",\"asOf\":\"2019-01-02T00:00:00+08:00\"}")})) ReportRequest request) {
        ReportDto report = reports.request(request, caller.name());
        return Response.accepted(report).location(UriBuilder.fromResource(ReportResource.class).path(report.id().toString()).build()).build();
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listReports", summary = "List reports, newest first")
    @APIResponse(responseCode = "200", description = "A page of reports")
    public PageDto<ReportDto> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                   @QueryParam("sort") @Parameter(description = "createdAt, type, status; - for descending (default -createdAt)") String sort,
                                   @QueryParam("type") @Parameter(schema = @Schema(enumeration = {"ANNUAL_EXECUTION", "PLAN_EVALUATION",
                                           "DEPARTMENT_SCORECARD", "PROJECT_PROGRESS", "OVERSIGHT"})) String type,
                                   @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"})) String status,
                                   @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        PageDto<ReportDto> found = reports.list(page, size, sort, type, status, Http.updatedSince(updatedSince));
        return people.visible() ? found
                : new PageDto<>(found.items().stream().map(ReportDto::withoutPeople).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getReport", summary = "A report's state")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ReportDto.class)))
    public ReportDto get(@PathParam("id") UUID id) {
        ReportDto report = reports.view(id);
        return people.visible() ? report : report.withoutPeople();
    }

    @GET
    @Path("/{id}/content")
    @Produces({Media.JSON, Media.MARKDOWN, Media.HTML, Media.PDF, Media.XLSX})
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getReportContent", summary = "The report's content as JSON (structured), Markdown, HTML, PDF or XLSX",
            description = "Chosen by format= or, without it, by Accept (no Accept header, or one that takes any type, gives JSON). HTML is a printable page with "
                    + "server-drawn SVG charts and no script; the PDF is that page on A4 with the fonts embedded; XLSX has one sheet per table "
                    + "with numbers as numeric cells. Each format is rendered on its first read and stored: every later read gives identical bytes.")
    @APIResponse(responseCode = "200", description = "The content", content = {
            @Content(mediaType = Media.JSON, schema = @Schema(implementation = ReportContentDto.class)),
            @Content(mediaType = Media.MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Media.HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Media.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Media.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "inline; filename=\"report-<id>.<ext>\" (all but JSON)",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "The report has not SUCCEEDED (yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "PDF only: a font it must embed is not installed (the Problem names the file and package)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@PathParam("id") UUID id,
                            @QueryParam("format") @Parameter(description = "Wins over Accept; md is short for markdown",
                                    schema = @Schema(enumeration = {"json", "markdown", "md", "html", "pdf", "xlsx"})) String format,
                            @Context HttpHeaders headers) {
        ReportFormat f = format == null || format.isBlank() ? ReportFormat.negotiate(headers.getAcceptableMediaTypes())
                : ReportFormat.named(format).orElseThrow(() -> new ServiceException.BadQuery("format",
                "format must be one of " + ReportFormat.NAMES + "; got '" + format + "'"));
        byte[] body = reports.rendition(id, f);
        Response.ResponseBuilder response = Response.ok(body, f.contentType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (f != ReportFormat.JSON) {
            response.header("Content-Disposition", "inline; filename=\"report-" + id + "." + f.extension() + "\"");
        }
        return response.build();
    }

    @GET
    @Path("/{id}/diff/{otherId}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "diffReports", summary = "What changed between two finished reports",
            description = "Values, growth rates, targets and verdicts of indicators; statuses, progress and investment of projects; list roll-ups. "
                    + "409 when either report has not SUCCEEDED.")
    @APIResponse(responseCode = "200", description = "The changes from {id} to {otherId}",
            content = @Content(schema = @Schema(implementation = ReportDiffDto.class)))
    @APIResponse(responseCode = "409", description = "Either report has not SUCCEEDED (yet)")
    public ReportDiffDto diff(@PathParam("id") UUID id, @PathParam("otherId") UUID otherId) {
        return reports.diff(id, otherId);
    }
}
