package gov.planmonitor.project.mapping;

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
        @Schema(examples = "区建设水务局") String author,
        OffsetDateTime recordedAt) {
}
