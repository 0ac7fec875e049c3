package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.indicators.CodeNameDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "TaskUpdate", description = "A progress update on a task, and its return by a planner if it was returned.")
public record TaskUpdateDto(
        @Schema(examples = "17") long id,
        @Schema(examples = "AP2018-T1-2-3") String task,
        @Schema(description = "The department it was posted for; null for a planner's update", nullable = true) CodeNameDto department,
        String text,
        @Schema(nullable = true) Integer progress,
        List<String> evidence,
        @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED"}, description = "The status before, when it moved the status", nullable = true) String statusFrom,
        @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED"}, description = "The status it moved to; null when it did not", nullable = true) String statusTo,
        @Schema(description = "The commitment values it recorded (as observations of those indicators)") List<TaskUpdateInput.CommitmentValue> commitmentValues,
        OffsetDateTime postedAt,
        @Schema(description = "Who posted it; their department's code to readers who may not see people") String postedBy,
        @Schema(description = "True when a planner returned it") boolean returned,
        @Schema(nullable = true) OffsetDateTime returnedAt,
        @Schema(nullable = true) String returnedBy,
        @Schema(description = "Why it was returned", nullable = true) String returnComment) {
}
