package gov.planmonitor.project.reference;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.project.progress.ProgressService.Written;
import gov.planmonitor.support.cache.CachedRead;
import gov.planmonitor.support.rest.Http;
import gov.planmonitor.support.security.Roles;
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

/**
 * The code lists projects refer to: categories and the zones of 一核三带四区. Anyone reads them; planners (and admins)
 * create or replace one by its code with PUT, as investment figures are put by year, and delete one no project uses.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ReferenceResource {

    private final ReferenceService reference;

    public ReferenceResource(ReferenceService reference) {
        this.reference = reference;
    }

    @GET
    @Path("/categories")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listProjectCategories", summary = "Project categories (重点发展功能区, 重大基础设施工程, …)")
    @APIResponse(responseCode = "200", description = "Categories in their printed order")
    public List<CategoryDto> categories() {
        return reference.categories();
    }

    @GET
    @Path("/categories/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getProjectCategory", summary = "One project category")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response category(@PathParam("code") @Parameter(example = "PEOPLES_LIVELIHOOD") String code) {
        return Http.ok(reference.category(code));
    }

    @PUT
    @Path("/categories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "putProjectCategory", summary = "Create (201) or replace (200, needs If-Match) a project category",
            description = "The code is the path's (UPPER_SNAKE_CASE, at most 60 characters; a malformed one is a 400 naming code); a code in "
                    + "the body must be the same (422 otherwise). Without nameEn the Chinese name stands in for it. Projects show the "
                    + "category's names as they are now. Recorded in the audit trail and announced as category.created or category.updated.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "412", description = "The category changed since it was read, or was deleted since (an If-Match for one that does not exist)")
    public Response putCategory(@PathParam("code") @Parameter(example = "PEOPLES_LIVELIHOOD") String code,
                                @HeaderParam("If-Match") @Parameter(description = "Required to replace an existing category") String ifMatch,
                                CategoryInput input) {
        Written<CategoryDto> written = reference.putCategory(code, input, IfMatch.of(ifMatch));
        return answer(written, "categories", code);
    }

    @DELETE
    @Path("/categories/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "deleteProjectCategory", summary = "Delete a project category no project is in",
            description = "Recorded in the audit trail and announced as category.deleted (its data null).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Projects are still in the category (the Problem names them); give them another category first")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the category changed since it was read")
    public Response deleteCategory(@PathParam("code") @Parameter(example = "PEOPLES_LIVELIHOOD") String code,
                                   @HeaderParam("If-Match") @Parameter(description = "Optional: the ETag of the last read, so that a category changed since is not deleted unseen (412); without it no 428, the delete goes ahead", example = "\"1\"") String ifMatch) {
        reference.deleteCategory(code, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/zones")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listZones", summary = "Functional zones of 一核三带四区")
    @APIResponse(responseCode = "200", description = "The one core, three belts and four districts (and any zone added since), in their order")
    public List<ZoneDto> zones() {
        return reference.zones();
    }

    @GET
    @Path("/zones/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getZone", summary = "One functional zone")
    @APIResponse(responseCode = "200", description = "The zone", content = @Content(schema = @Schema(implementation = ZoneDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response zone(@PathParam("code") @Parameter(example = "BEIJING_ROAD_CULTURAL_CORE") String code) {
        return Http.ok(reference.zone(code));
    }

    @PUT
    @Path("/zones/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "putZone", summary = "Create (201) or replace (200, needs If-Match) a functional zone",
            description = "The code is the path's (UPPER_SNAKE_CASE, at most 60 characters; a malformed one is a 400 naming code); a code in "
                    + "the body must be the same (422 otherwise). Without nameEn the Chinese name stands in for it. Projects show the "
                    + "zone's names as they are now. Recorded in the audit trail and announced as zone.created or zone.updated.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = ZoneDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ZoneDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "412", description = "The zone changed since it was read, or was deleted since (an If-Match for one that does not exist)")
    public Response putZone(@PathParam("code") @Parameter(example = "BEIJING_ROAD_CULTURAL_CORE") String code,
                            @HeaderParam("If-Match") @Parameter(description = "Required to replace an existing zone") String ifMatch,
                            ZoneInput input) {
        Written<ZoneDto> written = reference.putZone(code, input, IfMatch.of(ifMatch));
        return answer(written, "zones", code);
    }

    @DELETE
    @Path("/zones/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "deleteZone", summary = "Delete a functional zone no project is in",
            description = "Recorded in the audit trail and announced as zone.deleted (its data null).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Projects are still in the zone (the Problem names them); give them another zone, or none, first")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the zone changed since it was read")
    public Response deleteZone(@PathParam("code") @Parameter(example = "BEIJING_ROAD_CULTURAL_CORE") String code,
                               @HeaderParam("If-Match") @Parameter(description = "Optional: the ETag of the last read, so that a zone changed since is not deleted unseen (412); without it no 428, the delete goes ahead", example = "\"1\"") String ifMatch) {
        reference.deleteZone(code, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }

    /** 201 with Location for a new one, 200 for a replaced one; both with the ETag. */
    private static Response answer(Written<?> written, String collection, String code) {
        return written.created()
                ? Http.created(UriBuilder.fromResource(ReferenceResource.class).path(collection).path(code).build(), written.value())
                : Http.ok(written.value());
    }
}
