package gov.planmonitor.project.lists;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Membership", description = "A project's place in a list.")
public record MembershipDto(
        @NotBlank @Size(max = 40) @Schema(examples = "FYP13-KEY") String code,
        @NotNull @Min(1) @Max(100000) @Schema(examples = "46") Integer seq) {
}
