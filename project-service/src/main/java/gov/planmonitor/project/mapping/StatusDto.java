package gov.planmonitor.project.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ProjectStatus", description = "The current status, the allowed next ones, and the history.")
public record StatusDto(
        @Schema(examples = "IMPLEMENTATION") String current,
        @Schema(examples = "[\"COMPLETION\", \"SUSPENDED\", \"CANCELLED\"]") List<String> allowedNext,
        List<StatusChangeDto> history) {
}
