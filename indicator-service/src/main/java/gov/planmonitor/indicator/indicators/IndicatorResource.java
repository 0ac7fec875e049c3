package gov.planmonitor.indicator.indicators;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.indicator.observations.ObservationDto;
import gov.planmonitor.indicator.observations.ObservationInput;
import gov.planmonitor.indicator.targets.TargetDto;
import gov.planmonitor.indicator.targets.TargetInput;
import gov.planmonitor.indicator.observations.ObservationService;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.paging.Versioned;
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

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Indicators, their target revisions and their yearly values")
public class IndicatorResource {

    private final IndicatorService indicators;
    private final ObservationService observations;
    private final Caller caller;
    private final People people;

    public IndicatorResource(IndicatorService indicators, ObservationService observations, Caller caller, People people) {
        this.indicators = indicators;
        this.observations = observations;
        this.caller = caller;
        this.people = people;
    }

    /** Values as this caller may see them: a reader who may not see people gets the indicator's lead department instead. */
    private List<ObservationDto> shown(String code, List<ObservationDto> values) {
        if (people.visible() || values.isEmpty()) {
            return values;
        }
        String answerable = indicators.answerable(code);
        return values.stream().map(v -> v.attributedTo(answerable)).toList();
    }

    @GET
    @Path("/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getIndicator", summary = "Get an indicator with its target in force")
    @APIResponse(responseCode = "200", description = "The indicator", content = @Content(schema = @Schema(implementation = IndicatorDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "FYP13-01") String code) {
        return Http.ok(indicators.view(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "updateIndicator", summary = "Replace an indicator (needs If-Match)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = IndicatorDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("code") String code,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                           IndicatorInput input) {
        return Http.ok(indicators.update(code, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/{code}/targets")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listTargets", summary = "All target revisions of an indicator, oldest (the original) first")
    @APIResponse(responseCode = "200", description = "Target revisions")
    public List<TargetDto> targets(@PathParam("code") String code) {
        return indicators.targets(code);
    }

    @POST
    @Path("/{code}/targets")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "reviseTarget", summary = "Revise the target (规划调整) from a date; evaluation uses the target in force")
    @APIResponse(responseCode = "201", description = "The new target revision", content = @Content(schema = @Schema(implementation = TargetDto.class)),
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)))
    public Response revise(@PathParam("code") String code, TargetInput input) {
        TargetDto target = indicators.reviseView(code, input);
        return Response.created(UriBuilder.fromResource(IndicatorResource.class).path(code).path("targets").build()).entity(target).build();
    }

    @GET
    @Path("/{code}/observations")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listObservations", summary = "Yearly values of an indicator, optionally as they were at a past time")
    @APIResponse(responseCode = "200", description = "Values by year")
    public List<ObservationDto> observations(@PathParam("code") @Parameter(example = "AP2017-01") String code,
                                             @QueryParam("asOf") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = "ISO-8601 timestamp; values as recorded then") String asOf) {
        return shown(code, observations.list(code, Http.asOf(asOf)));
    }

    @GET
    @Path("/{code}/observations/{year}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getObservation", summary = "The current value of an indicator for a year")
    @APIResponse(responseCode = "200", description = "The value", content = @Content(schema = @Schema(implementation = ObservationDto.class)),
            headers = @Header(name = "ETag", description = "The value's revision (a quoted number); send it back in If-Match to replace it. "
                    + "A reader without a token, who sees a department instead of the person (see recordedBy), gets a hash of that answer "
                    + "instead, which If-Match does not take", schema = @Schema(type = SchemaType.STRING)))
    public Response observation(@PathParam("code") String code, @PathParam("year") int year) {
        Versioned<ObservationDto> value = observations.view(code, year);
        return Http.ok(new Versioned<>(shown(code, List.of(value.body())).get(0), value.version()));
    }

    @PUT
    @Path("/{code}/observations/{year}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "putObservation", summary = "Record the value for a year (201), or replace it (200, needs If-Match); the old value stays in the history",
            description = "A department token may report the indicators its departments lead or support; others get 403.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = ObservationDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ObservationDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response putObservation(@PathParam("code") String code, @PathParam("year") int year,
                                   @HeaderParam("If-Match") @Parameter(description = "ETag from the last read; required to replace a value") String ifMatch,
                                   ObservationInput input) {
        ObservationService.WrittenView written = observations.putView(code, year, input, IfMatch.of(ifMatch));
        if (written.created()) {
            return Http.created(UriBuilder.fromResource(IndicatorResource.class).path(code).path("observations").path(String.valueOf(year)).build(),
                    written.value());
        }
        return Http.ok(written.value());
    }

    @GET
    @Path("/{code}/observations/{year}/history")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "observationHistory", summary = "Every revision of a value: who recorded it, when, and what it replaced")
    @APIResponse(responseCode = "200", description = "Revisions, oldest first")
    public List<ObservationDto> history(@PathParam("code") String code, @PathParam("year") int year) {
        return shown(code, observations.history(code, year));
    }
}
