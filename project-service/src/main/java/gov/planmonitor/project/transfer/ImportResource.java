package gov.planmonitor.project.transfer;

import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.tabular.Exports;
import gov.planmonitor.support.tabular.ImportReportDto;
import gov.planmonitor.support.tabular.Transfers;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

@Path("/api/v1")
@Tag(name = "Import and export", description = "Bulk import (all-or-nothing, dry run, idempotent) and export in CSV, XLSX and JSON")
public class ImportResource {

    static final String XLSX = Transfers.XLSX;

    private final ImportService imports;
    private final ExportService exports;
    private final Exports exportFiles;
    private final Caller caller;

    public ImportResource(ImportService imports, ExportService exports, Exports exportFiles, Caller caller) {
        this.imports = imports;
        this.exports = exports;
        this.exportFiles = exportFiles;
        this.caller = caller;
    }

    @POST
    @Path("/imports")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, XLSX})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "503", description = "The indicator service, which checks the linked plan indicators, did not answer; nothing was written")
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "importProjectData", summary = "Import categories, lists, projects, investment figures and milestones",
            description = "CSV holds one entity (give entity=); XLSX has one sheet per entity; JSON is an object of arrays of rows. "
                    + "Columns are those of the export. Any row error rejects the whole import (422, every error listed); "
                    + "dryRun=true reports what would happen and writes nothing. Importing the same data twice changes nothing. "
                    + "Categories, lists and projects need the planner role; investments and milestones a department token for the "
                    + "projects its departments are responsible for (403 names the first row it may not write).")
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun, checked)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    public ImportReportDto importData(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                      @QueryParam("entity") @Parameter(description = "categories, lists, projects, investments or milestones (required for CSV)") String entity,
                                      @QueryParam("dryRun") @Parameter(description = "Check only; write nothing (true or false)") Boolean dryRun,
                                      java.io.InputStream body) {
        return imports.run(Transfers.format(contentType), body, entity, Boolean.TRUE.equals(dryRun), caller.name());
    }

    @GET
    @Path("/exports")
    // A token is needed (any role) unless EXPORTS_PUBLIC: the contract says so, so that generated clients send theirs.
    @SecurityRequirement(name = "bearer")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, XLSX})
    @Operation(operationId = "exportProjectData", summary = "Export in the import's format, so that export then import round-trips",
            description = "Needs a bearer token (any role) unless the service runs with EXPORTS_PUBLIC=true: without one, 401. "
                    + "The file is made as its rows are read, never held whole; an unknown list or entity "
                    + "is a 400 before anything is written.")
    @APIResponse(responseCode = "200", description = "The exported file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"planmonitor-<list or all>[-<entity>].<format>\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response export(@QueryParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "xlsx", "json"}), description = "Default json") String format,
                           @QueryParam("entity") @Parameter(description = "One entity (required for csv); all when absent") String entity,
                           @QueryParam("list") @Parameter(description = "Only this list, its projects and their figures", example = "FYP13-KEY") String list) {
        return exportFiles.export(format, entity, list, ImportService.SCHEMA, exports);
    }
}
