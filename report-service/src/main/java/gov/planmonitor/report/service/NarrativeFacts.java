package gov.planmonitor.report.service;

import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;

import java.util.List;

/**
 * What a report's summary in words says, gathered from its numbers; the sentences themselves are the {@code narrative}
 * message of each language (messages/wording_*.properties). Absent parts are null, zero or empty.
 *
 * @param evaluation the year is the one evaluated up to ("截至2017年")
 * @param main the indicators are the plan's main ones (an annual execution report)
 * @param verdicts indicators per verdict, best first, only verdicts some indicator has
 * @param invested the list has planned or completed investment figures
 * @param annual the investment figures are a year's, not cumulative
 * @param ratio completed investment as percent of planned, as the roll-up gives it
 * @param reportedCount projects in the figures the bureau published for the list, null when it published none
 * @param tasks the key work's counts (annual execution, scorecard), null when the report shows no tasks
 * @param oversight the oversight bulletin's counts, null for other types
 */
public record NarrativeFacts(Integer year, boolean evaluation, boolean main, CodeNameDto department, int total, List<Count> verdicts,
                             int binding, long bindingAchieved, int projectCount, boolean invested, boolean annual, String completedZh,
                             String completedEn, String ratio, List<Count> statuses, int overdue, Integer reportedCount,
                             boolean reportedInvestment, String reportedZh, String reportedEn, String reportedShare,
                             Tasks tasks, Oversight oversight) {

    /**
     * The key work's tasks as of the report's day: onTime are those not started or in progress before their deadline,
     * laggingCommitments the commitments LAGGING or NOT_ACHIEVED.
     */
    public record Tasks(int total, int completed, int onTime, int delayed, int suspended, int cancelled, int laggingCommitments) {
    }

    /**
     * The oversight bulletin's numbers: the day in each language, the tasks examined and listed, the lead units with listed
     * tasks and the listed tasks without one, the unit with most (its names; null when all are
     * unassigned or another unit has as many).
     */
    public record Oversight(String dayZh, String dayEn, int examined, int listed, int late, int lagging, int units, int unassigned,
                            String topZh, String topEn, int topCount) {
    }

    /** A count with what it counts in each language. */
    public record Count(int n, String zh, String en) {
    }
}
