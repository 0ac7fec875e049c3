package gov.planmonitor.report.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The structured content of a report, as GET /api/v1/reports/{id}/content serves it in JSON. The report worker builds
 * the content as this record and stores its JSON, so the contract's schema is the content's own type. One schema for
 * every report type: the sections a type does not have are null (department, list, projects) or empty (indicators,
 * projectRows). Stored content is read back as this record; a field it no longer has is ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ReportContent", description = "A report's structured content. ANNUAL_EXECUTION: the annual plan's indicators and its key "
        + "project list (projects, when the list exists); PLAN_EVALUATION: the plan's indicators, binding first; DEPARTMENT_SCORECARD: "
        + "the department's indicators of the plan with its role; PROJECT_PROGRESS: the list's roll-up (projects) and its projects "
        + "(projectRows); OVERSIGHT (督查通报): the plan's late and lagging tasks (oversight). ANNUAL_EXECUTION and DEPARTMENT_SCORECARD also "
        + "give the plan's key work (keyWork). Sections a type does not have are null or empty.")
public record ReportContentDto(
        @Schema(description = "The report type (a string, not an enum: types may be added)", examples = "ANNUAL_EXECUTION") String type,
        @Schema(examples = "越秀区2017年国民经济和社会发展计划执行情况报告") String titleZh,
        @Schema(examples = "Execution report: 2017 Plan for the Economic and Social Development of Yuexiu District") String titleEn,
        @Schema(description = "Code of the plan in indicator-service; for a project list, the list's plan", examples = "AP2017", nullable = true) String plan,
        @Schema(description = "The year evaluated; for a project report the roll-up's year; null for all years", examples = "2017", nullable = true) Integer year,
        @Schema(enumeration = {"FINAL", "PROGRESS"}, description = "FINAL at the end of the plan's period, PROGRESS during it; null for a project report",
                examples = "FINAL", nullable = true) String stage,
        @Schema(description = "The time the indicator data is as of (ISO-8601), as requested or the time the job ran", examples = "2018-02-08T00:00:00Z") String asOf,
        @Schema(description = "DEPARTMENT_SCORECARD: the department; null otherwise", nullable = true) CodeNameDto department,
        @Schema(description = "The project list of ANNUAL_EXECUTION (when it exists) and PROJECT_PROGRESS; null otherwise", nullable = true) CodeNameDto list,
        @Schema(description = "The indicators with their values and verdicts; empty for PROJECT_PROGRESS") List<IndicatorRowDto> indicators,
        @Schema(description = "Verdict counts per indicator category, in the order categories first appear (absent in content stored "
                + "before it was added: count indicators instead)") List<CategoryVerdictsDto> verdictsByCategory,
        VerdictCountsDto summary,
        @Schema(description = "The project list's roll-up as project-service gave it; null when the report has no list", nullable = true) ListSummaryDto projects,
        @Schema(description = "PROJECT_PROGRESS: the list's projects; empty otherwise") List<ProjectRowDto> projectRows,
        @Schema(description = "The report's text, written from its numbers", examples = "2017年，全区6项主要指标中5项完成年度目标。") String narrativeZh,
        @Schema(examples = "In 2017, 5 of the 6 main indicators met their annual targets.") String narrativeEn,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "ANNUAL_EXECUTION and DEPARTMENT_SCORECARD: the plan's key work (its tasks) as of the report's day; absent when "
                + "the plan (or the department) has no tasks, and in content stored before it was added", nullable = true)
        TaskContentDto.KeyWorkDto keyWork,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "OVERSIGHT: the late and lagging tasks by principal lead unit; absent otherwise", nullable = true)
        TaskContentDto.OversightDto oversight) {

    /** The same content with its narrative, which is written from the rest of it. */
    public ReportContentDto withNarrative(String zh, String en) {
        return new ReportContentDto(type, titleZh, titleEn, plan, year, stage, asOf, department, list, indicators, verdictsByCategory, summary,
                projects, projectRows, zh, en, keyWork, oversight);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportCodeName", description = "A code with its Chinese and English names")
    public record CodeNameDto(
            @Schema(examples = "ECONOMY", nullable = true) String code,
            @Schema(examples = "经济发展", nullable = true) String nameZh,
            @Schema(examples = "Economic development", nullable = true) String nameEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportIndicatorRow", description = "One indicator as the report shows it: target, value, verdict and why")
    public record IndicatorRowDto(
            @Schema(examples = "AP2017-01") String code,
            @Schema(examples = "1") int seq,
            @Schema(examples = "地区生产总值（简称“GDP”）") String nameZh,
            @Schema(examples = "Regional gross domestic product (GDP)") String nameEn,
            CodeNameDto category,
            @Schema(enumeration = {"BINDING", "EXPECTED"}, description = "约束性 / 预期性; null where the plan gives none", examples = "EXPECTED",
                    nullable = true) String attribute,
            @Schema(description = "The unit as printed", examples = "亿元") String unit,
            @Schema(description = "The target as printed; empty when none was recorded at asOf", examples = "6.5%左右") String target,
            @Schema(description = "The level", examples = "3193", nullable = true) BigDecimal value,
            @Schema(description = "The growth rate in %", examples = "6.1", nullable = true) BigDecimal growthRate,
            @Schema(description = "A result given in words", nullable = true) String qualitativeZh,
            @Schema(enumeration = {"PRELIMINARY", "FINAL", "ESTIMATE"}, description = "null when there is no value", examples = "FINAL",
                    nullable = true) String observationStatus,
            @Schema(description = "The verdict code of indicator-service's evaluation", examples = "ACHIEVED") String verdict,
            @Schema(examples = "完成") String verdictZh,
            @Schema(examples = "Achieved") String verdictEn,
            @Schema(examples = "增长6.1%，目标6.5%左右（允许±0.5），完成") String explanationZh,
            @Schema(examples = "growth 6.1 % against a target of 6.5%左右 (tolerance ±0.5): achieved") String explanationEn,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(enumeration = {"LEAD", "SUPPORT"}, description = "DEPARTMENT_SCORECARD only: the department's role", examples = "LEAD") String role) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportCategoryVerdicts", description = "Verdict counts of one indicator category (code NONE: uncategorised)")
    public record CategoryVerdictsDto(
            @Schema(examples = "ECONOMY") String code,
            @Schema(examples = "经济发展") String nameZh,
            @Schema(examples = "Economic development") String nameEn,
            @Schema(description = "Indicators per verdict, best verdict first", examples = "{\"ACHIEVED\": 3}") Map<String, Integer> counts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportVerdictCounts", description = "Counts of the indicators shown (a scorecard shows only its department's)")
    public record VerdictCountsDto(
            @Schema(examples = "6") int total,
            @Schema(examples = "{\"ACHIEVED\": 5, \"NOT_EVALUABLE\": 1}") Map<String, Integer> byVerdict,
            @Schema(description = "By attribute; NONE where the plan gives none", examples = "{\"EXPECTED\": 6}") Map<String, Integer> byAttribute) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @Schema(name = "ReportProjectRow", description = "One project of the list as the report shows it")
    public record ProjectRowDto(
            @Schema(description = "The project's id in project-service", examples = "FYP13-KP-20") String code,
            @Schema(description = "Its number in the printed list", examples = "20", nullable = true) Integer seq,
            @Schema(examples = "排水改造工程") String nameZh,
            @Schema(examples = "Drainage renovation works") String nameEn,
            CodeNameDto category,
            @Schema(description = "Lifecycle status in project-service", examples = "COMPLETED") String status,
            @Schema(nullable = true) CodeNameDto zone,
            @Schema(description = "Physical progress in percent", examples = "100", nullable = true) BigDecimal progressPercent,
            @Schema(description = "Planned investment to date", nullable = true) ListSummaryDto.MoneyDto planned,
            @Schema(description = "Completed investment to date", nullable = true) ListSummaryDto.MoneyDto completed,
            @Schema(examples = "0") int overdueMilestones) {
    }
}
