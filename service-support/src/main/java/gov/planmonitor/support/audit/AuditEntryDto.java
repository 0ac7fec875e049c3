package gov.planmonitor.support.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One entry of the audit trail. */
@Schema(name = "AuditEntry", description = "One recorded write: who, when, which operation on which resource, and the resource before and after.")
public record AuditEntryDto(
        @Schema(examples = "1024") long id,
        @Schema(examples = "2018-02-08T09:30:00Z") OffsetDateTime occurredAt,
        @Schema(description = "The token's subject (sub)", examples = "u-1024") String subject,
        @Schema(description = "The token's name (or the subject)", examples = "王芳") String subjectName,
        @Schema(description = "The token's roles at the time", examples = "[\"department\"]") List<String> roles,
        @Schema(description = "The contract's operationId of the write", examples = "putObservation") String operation,
        @Schema(examples = "PUT") String httpMethod,
        @Schema(examples = "/api/v1/indicators/AP2017-01/observations/2017") String path,
        @Schema(description = "Kind of resource written", examples = "observation") String resourceType,
        @Schema(description = "Its code or id", examples = "AP2017-01/2017") String resourceId,
        @Schema(description = "The resource before the write (its API representation); null when the write created it") JsonNode before,
        @Schema(description = "The resource after the write; for an import, what it wrote") JsonNode after,
        @Schema(description = "The request's X-Request-Id (given by the caller or generated)", examples = "9f0c2d1e-7b1a-4c55-a1f0-3f6a2b7c9d10") String requestId) {
}
