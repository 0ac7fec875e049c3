package gov.planmonitor.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Schema(name = "StatusChange", description = "One lifecycle step, kept as history.")
public record StatusChangeDto(
        @Schema(description = "Null for the first status", examples = "PREPARATION", nullable = true) String from,
        @Schema(examples = "IMPLEMENTATION") String to,
        LocalDate date,
        @Schema(nullable = true) String reason,
        String author,
        OffsetDateTime recordedAt) {
}
