package gov.planmonitor.project.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Milestone")
public record MilestoneDto(
        @Schema(examples = "12") long id,
        @Schema(examples = "主体结构封顶") String nameZh,
        @Schema(examples = "Main structure topped out", nullable = true) String nameEn,
        LocalDate plannedDate,
        @Schema(description = "When it was reached; null while planned", nullable = true) LocalDate actualDate,
        @Schema(enumeration = {"PLANNED", "REACHED", "CANCELLED"}) String state,
        @Schema(description = "Still planned after its planned date") boolean overdue) {
}
