package gov.planmonitor.project.projects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ProjectStatus", description = "The current status, the allowed next ones, and the history.")
public record StatusDto(
        @Schema(examples = "IMPLEMENTATION") String current,
        @Schema(examples = "[\"COMPLETION\", \"SUSPENDED\", \"CANCELLED\"]") List<String> allowedNext,
        List<StatusChangeDto> history) {

    /** The status as a reader who may not see people gets it: {@code answerable} as the author of every step. */
    public StatusDto attributedTo(String answerable) {
        return new StatusDto(current, allowedNext, history.stream().map(c -> c.attributedTo(answerable)).toList());
    }
}
