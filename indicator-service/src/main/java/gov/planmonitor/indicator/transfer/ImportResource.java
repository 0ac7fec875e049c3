package gov.planmonitor.indicator.transfer;

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
    @RolesAllowed({Roles.PLANNER, Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(operationId = "importData", summary = "Import departments, plans, indicators and observations",
            description = "CSV holds one entity (give entity=); XLSX has one sheet per entity; JSON is an object of arrays of rows. "
                    + "Columns are those of the export. Any row error rejects the whole import (422, every error listed); "
                    + "dryRun=true reports what would happen and writes nothing. Importing the same data twice changes nothing. "
                    + "Departments, plans and indicators need the planner role; observations a department token for the indicators "
                    + "its departments lead or support (403 names the first row it may not write). "
                    + "History: an observation row's optional recordedAt, and an indicator row's optional targetRecordedAt, record the "
                    + "value or target at that time instead of now (an ISO date, its first moment in the bureau's time zone, or a "
                    + "date-time), so reads asOf an earlier time do not see it; the seeds use their source documents' dates. Such "
                    + "rows need the planner role besides what the row needs without it (an observation: its responsible department), "
                    + "so in practice an admin; a time in the future, or before the record a row replaces, is a row "
                    + "error (422). Exports leave these columns empty.")
    @RequestBody(content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "Imported (or, with dryRun, checked)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReportDto.class)))
    public ImportReportDto importData(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                      @QueryParam("entity") @Parameter(description = "departments, plans, indicators or observations (required for CSV)") String entity,
                                      @QueryParam("dryRun") @Parameter(description = "Check only; write nothing (true or false)") Boolean dryRun,
                                      java.io.InputStream body) {
        return imports.run(Transfers.format(contentType), body, entity, Boolean.TRUE.equals(dryRun), caller.name());
    }

    @GET
    @Path("/exports")
    // A token is needed (any role) unless EXPORTS_PUBLIC: the contract says so, so that generated clients send theirs.
    @SecurityRequirement(name = "bearer")
    @Produces({"text/csv", MediaType.APPLICATION_JSON, XLSX})
    @Operation(operationId = "exportData", summary = "Export in the import's format, so that export then import round-trips",
            description = "Needs a bearer token (any role) unless the service runs with EXPORTS_PUBLIC=true: without one, 401. "
                    + "The file is made as its rows are read, never held whole; an unknown plan or entity "
                    + "is a 400 before anything is written.")
    @APIResponse(responseCode = "200", description = "The exported file", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))},
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"planmonitor-<plan or all>[-<entity>].<format>\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response export(@QueryParam("format") @Parameter(schema = @Schema(enumeration = {"csv", "xlsx", "json"}), description = "Default json") String format,
                           @QueryParam("entity") @Parameter(description = "One entity (required for csv); all when absent") String entity,
                           @QueryParam("plan") @Parameter(description = "Only this plan's plan row, indicators and observations", example = "FYP13") String plan) {
        return exportFiles.export(format, entity, plan, ImportService.SCHEMA, exports);
    }
}
