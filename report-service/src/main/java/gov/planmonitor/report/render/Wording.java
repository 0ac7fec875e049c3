package gov.planmonitor.report.render;

import gov.planmonitor.report.service.NarrativeFacts;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The bureau's wording of reports, one sentence or label per method. The texts are in
 * {@code messages/wording_zh.properties} (the default) and {@code messages/wording_en.properties}; a report shows both
 * languages, so a renderer holds the default bundle and the {@code @Localized("en")} one side by side.
 */
@MessageBundle(value = "wording", locale = "zh")
public interface Wording {

    // Codes the content carries: an unknown code reads as itself.
    @Message String verdict(String code);

    @Message String stage(String stage);

    @Message String type(String type);

    @Message String attribute(String attribute);

    @Message String status(String status);

    // The page: title, sections, notes, figures.
    @Message String defaultTitle();

    @Message String overview();

    @Message String mainIndicators();

    @Message String verdictsByCategory();

    @Message String keyProjectInvestment();

    @Message String keyProjects();

    @Message String noNarrative();

    @Message String noVerdicts();

    @Message String noInvestment();

    @Message String noInvestmentChart();

    @Message String verdictFigure();

    @Message String investmentFigure();

    @Message String investmentChart();

    @Message String figure(int number, String caption);

    @Message String indicatorNote();

    @Message String projectSummary(String list, int count, boolean invested, String planned, String completed, String ratio);

    @Message String footer(String asOf);

    @Message String suite();

    // The title block.
    @Message String plan();

    @Message String yearLabel();

    @Message String year(int year);

    @Message String stageLabel();

    @Message String department();

    @Message String projectList();

    @Message String dataAsOf();

    /** A java.time pattern for the data's time in the report's time zone. */
    @Message String asOfPattern();

    // Amounts and counts.
    @Message String yuan(String amount);

    @Message String hundredMillionYuan();

    @Message String indicatorCount(int count);

    @Message String completionRate(String ratio);

    // Column headings of the tables (page, Markdown and workbook).
    @Message String colNo();

    @Message String colCode();

    @Message String colIndicator();

    @Message String colUnit();

    @Message String colTarget();

    @Message String colValue();

    @Message String colGrowth();

    @Message String colGrowthPercent();

    @Message String colVerdict();

    @Message String colVerdictCode();

    @Message String colExplanation();

    @Message String colAttribute();

    @Message String colQualitative();

    @Message String colProject();

    @Message String colProjectCount();

    @Message String colCategory();

    @Message String colStatus();

    @Message String colStatusCode();

    @Message String colProgress();

    @Message String colProgressPercent();

    @Message String colPlanned();

    @Message String colCompleted();

    @Message String colPlannedYuan();

    @Message String colCompletedYuan();

    @Message String colCompletionPercent();

    @Message String mdIndicator();

    @Message String mdValue();

    @Message String inEnglish(String label);

    @Message String total();

    // The workbook's sheets and its About sheet.
    @Message String indicatorSheet();

    @Message String investmentSheet();

    @Message String projectSheet();

    @Message String aboutSheet();

    @Message String aboutTitle();

    @Message String aboutType();

    @Message String aboutNarrative();

    // Plan tasks: key work, a department's tasks, the oversight bulletin.
    @Message String taskStatus(String status);

    @Message String role(String role);

    @Message String keyWork();

    @Message String departmentTasks();

    @Message String lateByLead();

    @Message String lateAndLagging();

    @Message String unassigned();

    @Message String noLateTasks();

    @Message String noOversightTasks();

    @Message String taskDay();

    @Message String taskCounts(String day, int total, int completed, int inProgress, int notStarted, int delayed, int suspended, int cancelled);

    @Message String oversightCounts(String day, int examined, int listed, int late, int lagging);

    @Message String groupHeading(String name, int count, int late, int lagging);

    @Message String commitment(String name, String target, String value, String verdict);

    @Message String daysOverdue(long days);

    @Message String colTask();

    @Message String colLead();

    @Message String colSupporting();

    @Message String colDeadline();

    @Message String colDaysOverdue();

    @Message String colCommitments();

    @Message String colRole();

    @Message String colArea();

    @Message String taskSheet();

    @Message String oversightSheet();

    /** The report's summary in words, from the facts {@link gov.planmonitor.report.service.Narrative} gathers. */
    @Message String narrative(NarrativeFacts f);
}
