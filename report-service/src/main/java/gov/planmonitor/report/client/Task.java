package gov.planmonitor.report.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.util.List;

/**
 * A task of a plan as indicator-service gives it (its Task schema): an area, a sub-area or a task, who leads and supports
 * it, its deadline, its status and the verdicts of its commitments. {@code status} is DELAYED as of the service's day;
 * reports judge lateness themselves from {@code deadline} and {@code recordedStatus}, so a report as of a past day works.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Task(String code, String plan, String parent, String level, Integer seq, String textZh, String textEn, List<CodeName> lead,
                   List<CodeName> supporting, String deadline, Boolean deadlineFromPlan, String status, String recordedStatus, Long daysOverdue,
                   Integer progress, String completedOn, Boolean completedLate, List<TaskCommitment> commitments, Integer children) {

    /** An indicator that quantifies a task, with its target, latest value and verdict (the TaskCommitment schema). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskCommitment(String code, String nameZh, String nameEn, String unit, String target, Integer year, BigDecimal value,
                                 Integer valueYear, String verdict, String verdictZh, String verdictEn) {
    }
}
