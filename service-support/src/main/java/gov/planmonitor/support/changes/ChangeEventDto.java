package gov.planmonitor.support.changes;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One committed write, as a CloudEvents 1.0 event in its JSON format (structured mode). */
@Schema(name = "ChangeEvent", description = "A committed write as a CloudEvents 1.0 event (JSON format). The type is"
        + " gov.planmonitor.<service>.<resource>.<created|updated|deleted>; actor and requestid are extension attributes.")
public record ChangeEventDto(
        @Schema(examples = "1.0") String specversion,
        @Schema(description = "Unique within the source", examples = "1024") String id,
        @Schema(description = "The service that made the change", examples = "/indicator-service") String source,
        @Schema(examples = "gov.planmonitor.indicator.observation.updated") String type,
        @Schema(description = "The API path of the resource changed (for a deleted one, the path it had)", examples = "/api/v1/indicators/AP2017-01/observations/2017") String subject,
        @Schema(description = "When the write was made", examples = "2018-02-08T09:30:00Z") OffsetDateTime time,
        @Schema(examples = "application/json") String datacontenttype,
        @Schema(description = "The resource after the write (its API representation; for an import, what the import wrote); null when it was deleted") JsonNode data,
        @Schema(description = "Who made the change: the token's name and subject", examples = "王芳 (u-1024)") String actor,
        @Schema(description = "The X-Request-Id of the write", examples = "9f0c2d1e-7b1a-4c55-a1f0-3f6a2b7c9d10") String requestid) {
}
