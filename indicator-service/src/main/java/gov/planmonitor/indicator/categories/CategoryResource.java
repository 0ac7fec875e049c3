package gov.planmonitor.indicator.categories;

import gov.planmonitor.support.write.IfMatch;
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
 * The indicator categories (经济发展, 创新水平, …). Anyone reads them; planners (and admins) create or replace one by
 * its code with PUT and delete one no indicator is in, as project-service's ReferenceResource keeps its categories.
 */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
public class CategoryResource {

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listCategories", summary = "Indicator categories (经济发展, 创新水平, …)")
    @APIResponse(responseCode = "200", description = "All categories in their printed order (sortOrder, equal places by code)")
    public List<CategoryDto> list() {
        return categories.categories();
    }

    @GET
    @Path("/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getCategory", summary = "One indicator category")
    @APIResponse(responseCode = "200", description = "The category", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "ECONOMY") String code) {
        return Http.ok(categories.category(code));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "putCategory", summary = "Create (201) or replace (200, needs If-Match) an indicator category",
            description = "The code is the path's (UPPER_SNAKE_CASE, at most 40 characters; a malformed one is a 400 naming code); a code in "
                    + "the body must be the same (422 otherwise). Without nameEn (or with nameEn the same as nameZh) no translation is kept "
                    + "and nameZh is shown in its place. Indicators show the category's names as they are now. A replace that changes "
                    + "nothing writes nothing (the ETag stays). Recorded in the audit trail and announced as category.created or category.updated.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CategoryDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "412", description = "The category changed since it was read, or was deleted since (an If-Match for one that does not exist)")
    public Response put(@PathParam("code") @Parameter(example = "ECONOMY") String code,
                        @HeaderParam("If-Match") @Parameter(description = "Required to replace an existing category") String ifMatch,
                        CategoryInput input) {
        CategoryService.Written written = categories.put(code, input, IfMatch.of(ifMatch));
        return written.created()
                ? Http.created(UriBuilder.fromResource(CategoryResource.class).path(code).build(), written.value())
                : Http.ok(written.value());
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "deleteCategory", summary = "Delete an indicator category no indicator is in",
            description = "Recorded in the audit trail and announced as category.deleted (its data null).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Indicators are still in the category (the Problem names up to five); give them another category first")
    @APIResponse(responseCode = "412", description = "If-Match was sent and the category changed since it was read")
    public Response delete(@PathParam("code") @Parameter(example = "ECONOMY") String code,
                           @HeaderParam("If-Match") @Parameter(description = "Optional: the ETag of the last read, so that a category changed since is not deleted unseen (412); without it no 428, the delete goes ahead", example = "\"1\"") String ifMatch) {
        categories.delete(code, IfMatch.of(ifMatch));
        return Response.noContent().build();
    }
}
