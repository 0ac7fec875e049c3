package gov.planmonitor.indicator.plans;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.indicator.evaluation.EvaluationDto;
import gov.planmonitor.indicator.indicators.IndicatorDto;
import gov.planmonitor.indicator.indicators.IndicatorInput;
import gov.planmonitor.indicator.evaluation.EvaluationService;
import gov.planmonitor.indicator.indicators.IndicatorService;
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
import gov.planmonitor.indicator.indicators.IndicatorResource;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Five-year and annual plans, their indicators and evaluation")
public class PlanResource {

    private final PlanService plans;
    private final IndicatorService indicators;
    private final EvaluationService evaluation;

    public PlanResource(PlanService plans, IndicatorService indicators, EvaluationService evaluation) {
        this.plans = plans;
        this.indicators = indicators;
        this.evaluation = evaluation;
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listPlans", summary = "List plans")
    @APIResponse(responseCode = "200", description = "A page of plans")
    public PageDto<PlanDto> list(@QueryParam("page") @Parameter(description = "0-based page") Integer page,
                                 @QueryParam("size") @Parameter(description = "Page size (capped at 200)") Integer size,
                                 @QueryParam("sort") @Parameter(description = "Fields, - for descending: code, startYear, endYear, kind") String sort,
                                 @QueryParam("kind") @Parameter(schema = @Schema(enumeration = {"FIVE_YEAR", "ANNUAL"})) String kind,
                                 @QueryParam("parent") @Parameter(description = "Code of the parent five-year plan") String parent,
                                 @QueryParam("year") @Parameter(description = "Plans covering this year") Integer year,
                                 @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        return plans.list(page, size, sort, kind, parent, year, Http.updatedSince(updatedSince));
    }

    @POST
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createPlan", summary = "Create a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PlanDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response create(PlanInput input) {
        Versioned<PlanDto> created = plans.createView(input);
        return Http.created(UriBuilder.fromResource(PlanResource.class).path(created.body().code()).build(), created);
    }

    @GET
    @Path("/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getPlan", summary = "Get a plan")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanDto.class)),
            headers = @Header(name = "ETag", description = "Send it back in If-Match to update", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "FYP13") String code) {
        return Http.ok(plans.view(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "updatePlan", summary = "Replace a plan (needs If-Match)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = PlanDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("code") String code,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                           PlanInput input) {
        return Http.ok(plans.update(code, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/{code}/indicators")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listPlanIndicators", summary = "List a plan's indicators")
    @APIResponse(responseCode = "200", description = "A page of indicators")
    public PageDto<IndicatorDto> indicators(@PathParam("code") @Parameter(example = "FYP13") String code,
                                            @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                            @QueryParam("sort") @Parameter(description = "seq (default), code, nameZh, nameEn, category, attribute; - for descending") String sort,
                                            @QueryParam("category") @Parameter(description = "Category code", example = "ECONOMY") String category,
                                            @QueryParam("attribute") @Parameter(schema = @Schema(enumeration = {"BINDING", "EXPECTED", "NONE"})) String attribute,
                                            @QueryParam("department") @Parameter(description = "Responsible department code (lead or support)", example = "DRC") String department,
                                            @QueryParam("q") @Parameter(description = "Substring of the Chinese or English name or the code", example = "增长率") String q,
                                 @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        return indicators.list(code, page, size, sort, category, attribute, department, q, Http.updatedSince(updatedSince));
    }

    @POST
    @Path("/{code}/indicators")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createIndicator", summary = "Add an indicator to a plan")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response createIndicator(@PathParam("code") String code, IndicatorInput input) {
        Versioned<IndicatorDto> created = indicators.createView(code, input);
        return Http.created(UriBuilder.fromResource(IndicatorResource.class).path(created.body().code()).build(), created);
    }

    @GET
    @Path("/{code}/evaluation")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "evaluatePlan", summary = "Evaluate every indicator of a plan for a year",
            description = "At the end of the period: ACHIEVED, NOT_ACHIEVED, NOT_COMPARABLE, NOT_EVALUABLE. During a five-year plan: AHEAD, ON_TRACK, LAGGING, NOT_EVALUABLE. "
                    + "The rulebook (band = the 左右/基本 band, 0 for binding indicators; explanation.rule names the rule applied): "
                    + "AT_LEAST v ≥ t; AT_MOST v ≤ t; REACH/ABOUT v ≥ t − band (DECREASE v ≤ t + band, MAINTAIN |v − t| ≤ band), during a five-year plan "
                    + "AHEAD when already met, else ON_TRACK against b + (t − b) × share from the year-before-start baseline b (LINEAR_PROGRESS_FROM_BASELINE); "
                    + "AVERAGE_ANNUAL_GROWTH: geometric mean of the yearly growth rates ≥ t − band, AHEAD when the growth so far compounds to the whole period's; "
                    + "CUMULATIVE_DECLINE: 1 − ∏(1 − yearly decline rates) ≥ t − band, during the period ≥ t × share − band; "
                    + "RELATIVE: growth ≥ the reference indicator's growth − band (five-year: geometric means). No value: NOT_EVALUABLE (NO_DATA); "
                    + "another statistical caliber: NOT_COMPARABLE; an estimate without a figure: NOT_EVALUABLE (ESTIMATE_PENDING).")
    @APIResponse(responseCode = "200", description = "Verdicts with explanations and summary counts")
    public EvaluationDto evaluate(@PathParam("code") @Parameter(example = "FYP12") String code,
                                  @QueryParam("year") @Parameter(description = "Defaults to the latest year with data", example = "2015") Integer year,
                                  @QueryParam("asOf") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = "Use values and targets as recorded at this time (ISO-8601 with offset); current ones when absent") String asOf) {
        return evaluation.evaluate(code, year, Http.asOf(asOf));
    }
}
