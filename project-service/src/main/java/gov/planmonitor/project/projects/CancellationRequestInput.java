package gov.planmonitor.project.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationRequestInput", description = "Why the project should be cancelled.")
public record CancellationRequestInput(
        @NotBlank @Size(max = 2000) @Schema(examples = "征地条件发生变化，项目无法继续实施") String reason) {
}
