package gov.planmonitor.indicator.tasks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(name = "TaskUpdateInput", description = "A progress update: what was done, how far, the evidence, optionally a new status and values of "
        + "the task's commitments.")
public record TaskUpdateInput(
        @NotBlank @Size(max = 4000) @Schema(examples = "已关停“三不”专业市场2个，第3个正在办理搬迁。") String text,
        @Min(0) @Max(100) @Schema(description = "Percent done", examples = "60", nullable = true) Integer progress,
        @Size(max = 10) @Schema(description = "Links to the evidence (http or https)")
        List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https link") String> evidence,
        @Pattern(regexp = "NOT_STARTED|IN_PROGRESS|COMPLETED|SUSPENDED|CANCELLED", message = "must be NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED or CANCELLED")
        @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED"},
                description = "The status to move to; absent: unchanged. The lead unit starts and completes; a planner also suspends, resumes, cancels and reopens",
                examples = "IN_PROGRESS", nullable = true) String status,
        @Size(max = 40) @Schema(description = "The department the update is for, when the token speaks for several; absent for a planner", examples = "DRC", nullable = true) String department,
        @Size(max = 50) @Schema(description = "Values of the task's commitments, recorded as their observations")
        List<@Valid @NotNull CommitmentValue> commitmentValues) {

    @Schema(name = "CommitmentValue", description = "A value of one of the task's commitments for a year.")
    public record CommitmentValue(
            @NotBlank @Size(max = 40) @Schema(examples = "AP2018-101") String indicator,
            @NotNull @Min(1949) @Max(2100) @Schema(examples = "2018") Integer year,
            @NotNull @Digits(integer = 18, fraction = 6) @DecimalMin("-1e15") @DecimalMax("1e15") @Schema(examples = "2") BigDecimal value,
            @Pattern(regexp = "PRELIMINARY|FINAL|ESTIMATE", message = "must be PRELIMINARY, FINAL or ESTIMATE")
            @Schema(description = "Default PRELIMINARY", examples = "PRELIMINARY", nullable = true) String status) {
    }

    public List<String> evidenceLinks() {
        return evidence == null ? List.of() : evidence;
    }

    public List<CommitmentValue> values() {
        return commitmentValues == null ? List.of() : commitmentValues;
    }
}
