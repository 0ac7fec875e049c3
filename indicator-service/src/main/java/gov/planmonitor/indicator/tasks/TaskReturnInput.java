package gov.planmonitor.indicator.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskReturnInput", description = "Why a planner returns a progress update to its department.")
public record TaskReturnInput(
        @NotBlank @Size(max = 2000) @Schema(examples = "请补充搬迁协议作为佐证材料。") String comment) {
}
