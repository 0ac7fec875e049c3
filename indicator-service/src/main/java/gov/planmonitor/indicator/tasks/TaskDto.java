package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.indicators.CodeNameDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Schema(name = "Task", description = "A task of a plan (主要任务, 重点工作): an area, a sub-area or a task; who leads and supports it, its "
        + "deadline, its status (DELAYED when open past its deadline), its progress and the verdicts of its commitments.")
public record TaskDto(
        @Schema(examples = "AP2018-T1-2-3") String code,
        @Schema(examples = "AP2018") String plan,
        @Schema(examples = "AP2018-T1-2", nullable = true) String parent,
        @Schema(enumeration = {"AREA", "SUB_AREA", "TASK"}, description = "By depth: an area (一、二、…), a sub-area, a task", examples = "TASK") String level,
        @Schema(examples = "3") int seq,
        @Schema(examples = "关停或搬迁“三不”专业市场3个以上。") String textZh,
        @Schema(description = "The English text; the Chinese where none was given", examples = "Close or relocate at least 3 \"three-no\" wholesale markets.") String textEn,
        @Schema(description = "Lead units (牵头单位), the principal first; empty while unassigned") List<CodeNameDto> lead,
        @Schema(description = "Supporting units (配合单位)") List<CodeNameDto> supporting,
        @Schema(description = "完成时限 in force", examples = "2018-12-31") LocalDate deadline,
        @Schema(description = "True when no deadline was set and the plan's last day applies", examples = "true") boolean deadlineFromPlan,
        @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED", "DELAYED"},
                description = "The recorded status, or DELAYED while the task is not started or in progress after its deadline day (bureau time)",
                examples = "IN_PROGRESS") String status,
        @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED"}, description = "The status as recorded",
                examples = "IN_PROGRESS") String recordedStatus,
        @Schema(description = "Days past the deadline while DELAYED; 0 otherwise", examples = "0") long daysOverdue,
        @Schema(description = "Percent done by the latest standing progress update; null before any", examples = "60", nullable = true) Integer progress,
        @Schema(description = "The day it was completed (bureau time); null unless COMPLETED", nullable = true) LocalDate completedOn,
        @Schema(description = "True when it was completed after its deadline", examples = "false") boolean completedLate,
        @Schema(description = "The document and line it is taken from", nullable = true) String source,
        @Schema(description = "The indicators that quantify it, with their verdicts") List<CommitmentDto> commitments,
        @Schema(description = "How many areas or tasks it holds", examples = "0") int children,
        OffsetDateTime updatedAt) {

    @Schema(name = "TaskCommitment", description = "An indicator that quantifies a task, with its target, latest value and verdict.")
    public record CommitmentDto(
            @Schema(examples = "AP2018-101") String code,
            @Schema(examples = "关停或搬迁“三不”专业市场") String nameZh,
            @Schema(examples = "\"Three-no\" wholesale markets closed or relocated") String nameEn,
            @Schema(examples = "个") String unit,
            @Schema(description = "The target as printed; null when it has none", examples = "3个以上", nullable = true) String target,
            @Schema(description = "The year the verdict is for", examples = "2018") int year,
            @Schema(description = "The value the verdict rests on; null when none", examples = "2", nullable = true) BigDecimal value,
            @Schema(description = "Its year; null when none", examples = "2018", nullable = true) Integer valueYear,
            @Schema(enumeration = {"ACHIEVED", "NOT_ACHIEVED", "NOT_COMPARABLE", "NOT_EVALUABLE", "AHEAD", "ON_TRACK", "LAGGING"},
                    examples = "NOT_ACHIEVED") String verdict,
            @Schema(examples = "未完成") String verdictZh,
            @Schema(examples = "Not achieved") String verdictEn) {
    }
}
