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
 */
public record NarrativeFacts(Integer year, boolean evaluation, boolean main, CodeNameDto department, int total, List<Count> verdicts,
                             int binding, long bindingAchieved, int projectCount, boolean invested, boolean annual, String completedZh,
                             String completedEn, String ratio, List<Count> statuses, int overdue, Integer reportedCount,
                             boolean reportedInvestment, String reportedZh, String reportedEn, String reportedShare) {

    /** A count with what it counts in each language. */
    public record Count(int n, String zh, String en) {
    }
}
