package gov.planmonitor.indicator.departments;

import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.cache.CachedRead;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.indicator.evaluation.EvaluationService;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.rest.Http;
import jakarta.transaction.Transactional;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Departments", description = "Responsible departments and their indicators")
public class DepartmentResource {

    private final DepartmentService departments;
    private final EvaluationService evaluation;

    public DepartmentResource(DepartmentService departments, EvaluationService evaluation) {
        this.departments = departments;
        this.evaluation = evaluation;
    }

    @GET
    @Path("/departments")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listDepartments", summary = "List departments")
    @APIResponse(responseCode = "200", description = "A page of departments")
    public PageDto<DepartmentDto> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                       @QueryParam("sort") @Parameter(description = "code (default), nameZh, nameEn") String sort,
                                       @QueryParam("q") @Parameter(description = "Substring of code or names", example = "发改") String q,
                                 @QueryParam("updatedSince") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = Http.UPDATED_SINCE, example = "2018-02-08T00:00:00+08:00") String updatedSince) {
        return departments.list(page, size, sort, q, Http.updatedSince(updatedSince));
    }

    @POST
    @Path("/departments")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "createDepartment", summary = "Register a department")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DepartmentDto.class)),
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))})
    public Response create(DepartmentDto input) {
        Versioned<DepartmentDto> created = departments.createView(input);
        return Http.created(UriBuilder.fromResource(DepartmentResource.class).path("departments").path(created.body().code()).build(), created);
    }

    @GET
    @Path("/departments/{code}")
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "getDepartment", summary = "Get a department")
    @APIResponse(responseCode = "200", description = "The department", content = @Content(schema = @Schema(implementation = DepartmentDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response get(@PathParam("code") @Parameter(example = "DRC") String code) {
        return Http.ok(departments.view(code));
    }

    @PUT
    @Path("/departments/{code}")
    @RolesAllowed({Roles.PLANNER, Roles.ADMIN})
    @Operation(operationId = "updateDepartment", summary = "Rename a department (needs If-Match)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = DepartmentDto.class)),
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response update(@PathParam("code") String code,
                           @HeaderParam("If-Match") @Parameter(description = "ETag from the last read", required = true) String ifMatch,
                           DepartmentDto input) {
        return Http.ok(departments.update(code, input, IfMatch.of(ifMatch)));
    }

    @GET
    @Path("/departments/{code}/indicators")
    @Transactional
    @CachedRead
    @Operation(extensions = @Extension(name = CachedRead.EXTENSION, value = "true"), operationId = "listDepartmentIndicators", summary = "A department's indicators (lead or support) with latest values and verdicts")
    @APIResponse(responseCode = "200", description = "Indicators of every plan the department is responsible for")
    public List<DepartmentIndicatorDto> indicators(@PathParam("code") @Parameter(example = "DRC") String code) {
        return evaluation.departmentIndicators(departments.get(code));
    }
}
