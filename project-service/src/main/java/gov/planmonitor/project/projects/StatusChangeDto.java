package gov.planmonitor.project.projects;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;

@Schema(name = "StatusChange", description = "One lifecycle step, kept as history.")
public record StatusChangeDto(
        @Schema(description = "Null for the first status", examples = "PREPARATION", nullable = true) String from,
        @Schema(examples = "IMPLEMENTATION") String to,
        LocalDate date,
        @Schema(nullable = true) String reason,
        @Schema(description = "Who made the change: the token's name and subject, e.g. 王芳 (u-1024). Readers without a token see "
                + "who is answerable instead (unless the service shows people to everyone): the code of the project's lead department "
                + "as it is now, e.g. CONSTRUCTION, or planner for a project without departments") String author,
        OffsetDateTime recordedAt,
        @Schema(description = "The cancellation request this step to CANCELLED approved (see …/cancellation-requests); null for any other step",
                examples = "7", nullable = true) Long cancellationRequest) {

    /** The step as a reader who may not see people gets it: {@code answerable} as its author. */
    public StatusChangeDto attributedTo(String answerable) {
        return new StatusChangeDto(from, to, date, reason, answerable, recordedAt, cancellationRequest);
    }
}
