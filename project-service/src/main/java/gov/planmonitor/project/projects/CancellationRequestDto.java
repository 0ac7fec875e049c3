package gov.planmonitor.project.projects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(name = "CancellationRequest", description = "A request to cancel a project, which a planner approves (the project moves to CANCELLED) "
        + "or refuses. Kept with the project's history, decided or not.")
public record CancellationRequestDto(
        @Schema(examples = "7") long id,
        @Schema(description = "The project's id", examples = "FYP13-KP-01") String project,
        @Schema(description = "OPEN until a planner approves or refuses it", enumeration = {"OPEN", "APPROVED", "REFUSED"}, examples = "OPEN") String state,
        @Schema(examples = "征地条件发生变化，项目无法继续实施") String reason,
        @Schema(description = "Who asked: the token's name and subject, e.g. 王芳 (u-1024). Readers without a token see who is answerable "
                + "instead (unless the service shows people to everyone): the code of the project's lead department as it is now, e.g. "
                + "CONSTRUCTION, or planner for a project without departments", examples = "区建设水务局") String requestedBy,
        OffsetDateTime requestedAt,
        @Schema(description = "The planner's comment on the decision; null while open", examples = "规划调整，同意取消", nullable = true) String comment,
        @Schema(description = "Who decided, as requestedBy names people; null while open. Readers without a token see planner instead "
                + "(unless the service shows people to everyone)", examples = "规划科 李明", nullable = true) String decidedBy,
        @Schema(description = "When it was decided; null while open", nullable = true) OffsetDateTime decidedAt) {

    /** The request as a reader who may not see people gets it: who is answerable for asking and deciding instead. */
    public CancellationRequestDto attributedTo(String asker, String decider) {
        return new CancellationRequestDto(id, project, state, reason, asker, requestedAt, comment, decidedBy == null ? null : decider, decidedAt);
    }
}
