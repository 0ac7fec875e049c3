package gov.planmonitor.project.progress;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "MilestoneInput")
public record MilestoneInput(
        @NotBlank @Size(max = 300) @Schema(examples = "主体结构封顶") String nameZh,
        @Size(max = 500) String nameEn,
        @NotNull @Schema(examples = "2018-06-30") LocalDate plannedDate,
        LocalDate actualDate,
        @Pattern(regexp = "PLANNED|REACHED|CANCELLED", message = "must be PLANNED, REACHED or CANCELLED")
        @Schema(description = "Default PLANNED, or REACHED when actualDate is given") String state) {
}
