package gov.planmonitor.support.audit;

import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.rest.Http;
import gov.planmonitor.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's audit trail, for admins: every write, who made it, and what it changed. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when (admins only)")
public class AuditResource {

    private final AuditTrail trail;
    private final AuditChain chain;

    public AuditResource(AuditTrail trail, AuditChain chain) {
        this.trail = trail;
        this.chain = chain;
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "verifyAuditTrail", summary = "Walk the audit trail's hash chain and name the first entry that does not match; admins only",
            description = "Each entry carries a SHA-256 hash over its content and the previous entry's hash. The service's own database role "
                    + "may only read and append entries; a change made past it (by the database's owner) shows here as the first entry "
                    + "whose content, predecessor or position does not match. Reads the whole trail: an operator's check, not a hot read.")
    @APIResponse(responseCode = "200", description = "The outcome (200 whether intact or not; see intact)")
    public AuditVerificationDto verify() {
        return chain.verify();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listAuditEntries", summary = "The audit trail: every write with its author, time and before/after state; admins only")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first")
    public PageDto<AuditEntryDto> list(@QueryParam("page") @Parameter(description = "0-based page") Integer page,
                                       @QueryParam("size") @Parameter(description = "Page size (capped at 200)") Integer size,
                                       @QueryParam("sort") @Parameter(description = "occurredAt or -occurredAt (default)") String sort,
                                       @QueryParam("resourceType") @Parameter(description = "Kind of resource, e.g. plan, indicator, observation, project", example = "observation") String resourceType,
                                       @QueryParam("resource") @Parameter(description = "A resource's code or id, e.g. FYP13-01 or AP2017-01/2017", example = "AP2017-01/2017") String resource,
                                       @QueryParam("subject") @Parameter(description = "The writer's token subject", example = "u-1024") String subject,
                                       @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = "From this time (inclusive), ISO-8601 with offset", example = "2018-01-01T00:00:00+08:00") String from,
                                       @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"), description = "Until this time (exclusive), ISO-8601 with offset", example = "2018-12-31T00:00:00+08:00") String to) {
        return trail.list(page, size, sort, resourceType, resource, subject, Http.time("from", from), Http.time("to", to));
    }
}
