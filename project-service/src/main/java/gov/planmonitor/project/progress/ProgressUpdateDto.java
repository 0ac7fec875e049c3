package gov.planmonitor.project.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "ProgressUpdate")
public record ProgressUpdateDto(
        long id,
        LocalDate date,
        @Schema(examples = "主体结构完成60%") String textZh,
        @Schema(examples = "Main structure 60% complete", nullable = true) String textEn,
        @Schema(examples = "60", nullable = true) BigDecimal progressPercent,
        List<String> links,
        @Schema(description = "Who reported it: the token's name and subject, e.g. 王芳 (u-1024). Readers without a token see who is "
                + "answerable instead (unless the service shows people to everyone): the code of the project's lead department as it is "
                + "now, e.g. CONSTRUCTION, or admin for a project without departments", examples = "区建设水务局") String author,
        OffsetDateTime recordedAt) {

    /** The update as a reader who may not see people gets it: {@code answerable} as its author. */
    public ProgressUpdateDto attributedTo(String answerable) {
        return new ProgressUpdateDto(id, date, textZh, textEn, progressPercent, links, answerable, recordedAt);
    }
}
