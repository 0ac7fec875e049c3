package gov.planmonitor.indicator.units;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.rest.Http;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Units", description = "The units of measure indicators are printed in, kept by the bureau")
public class UnitResource {

    private final UnitService units;

    public UnitResource(UnitService units) {
        this.units = units;
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listUnits",
            summary = "The units of measure (%, 亿元, 万人, /10万, …) in the bureau's order")
    @APIResponse(responseCode = "200", description = "Every unit")
    public List<UnitDto> list() {
        return units.list();
    }

    @GET
    @Path("/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getUnit", summary = "Get a unit of measure")
    @APIResponse(responseCode = "200", description = "The unit", content = @Content(schema = @Schema(implementation = UnitDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "PERSON_10K") String code) {
        return Http.ok(units.view(code));
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "putUnit", summary = "Add a unit of measure, or replace one (If-Match); its printed form does not change")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = UnitDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = UnitDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response put(@PathParam("code") @Parameter(example = "ROOM") String code,
                        @HeaderParam("If-Match") @Parameter(description = "ETag from the last read; required to replace a unit") String ifMatch,
                        UnitInput input) {
        UnitService.Written written = units.put(code, input, IfMatch.of(ifMatch));
        return written.created() ? Http.created(UriBuilder.fromResource(UnitResource.class).path(code).build(), written.unit())
                : Http.ok(written.unit());
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "deleteUnit", summary = "Remove a unit no indicator uses")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "409", description = "Indicators are still measured in the unit (the Problem names them); change their unit first")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the unit changed since it was read")
    public Response delete(@PathParam("code") @Parameter(example = "ROOM") String code,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read (optional)") String ifMatch) {
        units.delete(code, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }
}
