package gov.planmonitor.project.projects;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "StatusChangeInput")
public record StatusChangeInput(
        @NotNull @Pattern(regexp = "IDENTIFICATION|PREPARATION|IMPLEMENTATION|COMPLETION|COMPLETED|CANCELLED|SUSPENDED",
                message = "must be one of IDENTIFICATION, PREPARATION, IMPLEMENTATION, COMPLETION, COMPLETED, CANCELLED, SUSPENDED")
        @Schema(examples = "IMPLEMENTATION") String to,
        @NotNull @Schema(examples = "2018-03-01") LocalDate date,
        @Size(max = 2000) @Schema(description = "Required to suspend or cancel") String reason) {
}
