package gov.planmonitor.report.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(name = "Report", description = "A report job and its state; the content is at /content once SUCCEEDED.")
public record ReportDto(
        UUID id,
        @Schema(examples = "ANNUAL_EXECUTION") String type,
        @Schema(description = "The request's parameters") JsonNode parameters,
        @Schema(enumeration = {"QUEUED", "RUNNING", "SUCCEEDED", "FAILED"}, examples = "SUCCEEDED") String status,
        @Schema(description = "Why generation failed") String failureReason,
        @Schema(examples = "1") int attempts,
        OffsetDateTime asOf,
        @Schema(description = "SHA-256 of the structured content") String contentHash,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {
}
