package gov.planmonitor.report.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The plan-task sections of a report's content (issue 25): the key work of an annual execution report and a department
 * scorecard, and the oversight bulletin's late and lagging tasks. Lateness is judged as of one day (the report's asOf in
 * the bureau's time zone) from each task's deadline and recorded status, so the content follows from the pinned data.
 */
public final class TaskContentDto {

    private TaskContentDto() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportKeyWork", description = "Key work (重点工作): the plan's tasks as of a day. ANNUAL_EXECUTION: by area and "
            + "sub-area (areas), with the late tasks by principal lead unit; DEPARTMENT_SCORECARD: the department's tasks, lead or supporting (tasks).")
    public record KeyWorkDto(
            @Schema(description = "The day lateness is judged at: the report's asOf in the bureau's time zone (ISO date)", examples = "2018-02-08") String day,
            TaskCountsDto counts,
            @Schema(description = "ANNUAL_EXECUTION: the areas in the plan's order; empty for a scorecard") List<AreaDto> areas,
            @Schema(description = "DEPARTMENT_SCORECARD: the department's tasks in the plan's order; empty for ANNUAL_EXECUTION") List<TaskRowDto> tasks,
            @Schema(description = "ANNUAL_EXECUTION: the late tasks by principal lead unit, most first, unassigned last; empty for a scorecard")
            List<TaskGroupDto> lateByLead,
            @Schema(description = "The tasks' commitments per verdict, best first", examples = "{\"LAGGING\": 1}") Map<String, Integer> commitmentVerdicts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportOversight", description = "OVERSIGHT (督查通报): the tasks late or lagging as of a day, by principal lead unit")
    public record OversightDto(
            @Schema(description = "The day the tasks are judged at: the report's asOf in the bureau's time zone (ISO date)", examples = "2019-01-02") String day,
            @Schema(description = "Tasks of the plan examined (tasks, and areas or sub-areas without tasks)", examples = "88") int examined,
            @Schema(description = "Tasks listed: late, lagging or both", examples = "3") int listed,
            @Schema(description = "Listed tasks open past their deadline", examples = "3") int late,
            @Schema(description = "Listed tasks with a commitment LAGGING or NOT_ACHIEVED", examples = "1") int lagging,
            @Schema(description = "By principal lead unit, most tasks first, unassigned last") List<TaskGroupDto> groups) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskCounts", description = "Tasks by their status as of the day: DELAYED is open (not started or in progress) past "
            + "its deadline; notStarted and inProgress count only those on time")
    public record TaskCountsDto(
            @Schema(examples = "4") int total,
            @Schema(examples = "1") int completed,
            @Schema(description = "Of the completed, those completed after their deadline", examples = "0") int completedLate,
            @Schema(examples = "1") int inProgress,
            @Schema(examples = "0") int notStarted,
            @Schema(examples = "2") int delayed,
            @Schema(examples = "0") int suspended,
            @Schema(examples = "0") int cancelled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskArea", description = "An area (一、二、…) of the plan's key work with its sub-areas")
    public record AreaDto(
            @Schema(examples = "AP2018-T1") String code,
            @Schema(examples = "1") int seq,
            @Schema(examples = "坚持创新驱动，推动经济高质量发展") String textZh,
            String textEn,
            TaskCountsDto counts,
            List<SubAreaDto> subAreas) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskSubArea", description = "A sub-area with its tasks (a sub-area without tasks is its own task; code null: "
            + "tasks directly under the area)")
    public record SubAreaDto(
            @Schema(examples = "AP2018-T1-2", nullable = true) String code,
            @Schema(examples = "2") int seq,
            @Schema(nullable = true) String textZh,
            @Schema(nullable = true) String textEn,
            List<TaskRowDto> tasks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskRow", description = "One task as the report shows it, its status as of the report's day")
    public record TaskRowDto(
            @Schema(examples = "AP2018-T1-2-3") String code,
            @Schema(examples = "3") int seq,
            @Schema(examples = "关停或搬迁“三不”专业市场3个以上。") String textZh,
            String textEn,
            @Schema(enumeration = {"NOT_STARTED", "IN_PROGRESS", "COMPLETED", "SUSPENDED", "CANCELLED", "DELAYED"},
                    description = "As of the day: DELAYED when not started or in progress past the deadline", examples = "DELAYED") String status,
            @Schema(description = "The status as recorded in indicator-service", examples = "IN_PROGRESS") String recordedStatus,
            @Schema(description = "Lead units (牵头单位), the principal first; empty while unassigned (未分配)") List<CodeNameDto> lead,
            @Schema(description = "Supporting units (配合单位)") List<CodeNameDto> supporting,
            @Schema(description = "The deadline in force (ISO date)", examples = "2018-12-31", nullable = true) String deadline,
            @Schema(description = "Percent done; null before any progress update", examples = "60", nullable = true) Integer progress,
            @Schema(description = "Days past the deadline as of the day while DELAYED; 0 otherwise", examples = "0") long daysOverdue,
            @Schema(description = "The day it was completed; null unless completed", nullable = true) String completedOn,
            @Schema(examples = "false") boolean completedLate,
            @Schema(description = "A commitment is LAGGING or NOT_ACHIEVED", examples = "false") boolean lagging,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(enumeration = {"LEAD", "SUPPORT"}, description = "DEPARTMENT_SCORECARD only: the department's role", examples = "LEAD") String role,
            @Schema(description = "The indicators that quantify it, with target, value and verdict") List<CommitmentRowDto> commitments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskCommitment", description = "An indicator that quantifies a task: target, latest value and verdict")
    public record CommitmentRowDto(
            @Schema(examples = "AP2018-101") String code,
            @Schema(examples = "关停或搬迁“三不”专业市场") String nameZh,
            String nameEn,
            @Schema(examples = "个") String unit,
            @Schema(description = "The target as printed; empty when none", examples = "3个以上") String target,
            @Schema(examples = "2", nullable = true) BigDecimal value,
            @Schema(examples = "2018", nullable = true) Integer valueYear,
            @Schema(examples = "LAGGING") String verdict,
            @Schema(examples = "进度滞后") String verdictZh,
            @Schema(examples = "Lagging") String verdictEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportTaskGroup", description = "Tasks of one principal lead unit (lead null: unassigned, 未分配)")
    public record TaskGroupDto(
            @Schema(nullable = true) CodeNameDto lead,
            @Schema(examples = "2") int count,
            @Schema(description = "Of them, open past the deadline", examples = "2") int late,
            @Schema(description = "Of them, with a commitment LAGGING or NOT_ACHIEVED", examples = "1") int lagging,
            List<TaskRowDto> tasks) {
    }
}
