package gov.planmonitor.project.projects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancellationDecisionInput", description = "A planner's comment on approving or refusing a cancellation request.")
public record CancellationDecisionInput(
        @NotBlank @Size(max = 2000) @Schema(examples = "规划调整，同意取消") String comment) {
}
