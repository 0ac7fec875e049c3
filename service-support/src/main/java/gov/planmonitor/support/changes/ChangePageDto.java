package gov.planmonitor.support.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A stretch of the change feed and where to go on from. */
@Schema(name = "ChangePage", description = "Events in commit order after the cursor given, and the cursor to give next time")
public record ChangePageDto(
        List<ChangeEventDto> items,
        @Schema(description = "Opaque cursor: send it as after= to get the events that follow (the same cursor when there were none)",
                examples = "djE6NzQ0OjEwMjQ") String next) {
}
