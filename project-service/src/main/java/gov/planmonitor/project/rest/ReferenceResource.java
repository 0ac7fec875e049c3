package gov.planmonitor.project.rest;

import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.project.mapping.CodeNameDto;
import gov.planmonitor.project.repository.ZoneRepository;
import gov.planmonitor.project.service.ProjectListService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ReferenceResource {

    private final ProjectListService lists;
    private final ZoneRepository zones;

    public ReferenceResource(ProjectListService lists, ZoneRepository zones) {
        this.lists = lists;
        this.zones = zones;
    }

    @GET
    @Path("/categories")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listProjectCategories", summary = "Project categories (重点发展功能区, 重大基础设施工程, …)")
    @APIResponse(responseCode = "200", description = "Categories in their printed order")
    public List<CodeNameDto> categories() {
        return lists.categories();
    }

    @GET
    @Path("/zones")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listZones", summary = "Functional zones of 一核三带四区")
    @APIResponse(responseCode = "200", description = "The one core, three belts and four districts")
    public List<CodeNameDto> zones() {
        return zones.list("order by seq").stream().map(z -> new CodeNameDto(z.code, z.nameZh, z.nameEn)).toList();
    }
}
