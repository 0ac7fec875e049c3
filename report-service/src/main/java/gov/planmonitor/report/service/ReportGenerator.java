package gov.planmonitor.report.service;

import gov.planmonitor.report.client.CodeName;
import gov.planmonitor.report.client.Department;
import gov.planmonitor.report.client.Downstream;
import gov.planmonitor.report.client.EvaluatedIndicator;
import gov.planmonitor.report.client.EvaluatedIndicator.Observation;
import gov.planmonitor.report.client.Page;
import gov.planmonitor.report.client.Plan;
import gov.planmonitor.report.client.PlanEvaluation;
import gov.planmonitor.report.client.Project;
import gov.planmonitor.report.client.ProjectList;
import gov.planmonitor.report.client.ProjectListSummary;
import gov.planmonitor.report.client.Task;
import gov.planmonitor.report.mapping.ListSummaryDto;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.render.VerdictsByCategory;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.ReportContentDto.IndicatorRowDto;
import gov.planmonitor.report.mapping.ReportContentDto.ProjectRowDto;
import gov.planmonitor.report.mapping.ReportParameters;
import gov.planmonitor.support.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import static gov.planmonitor.report.client.Downstream.INDICATOR_SERVICE;
import static gov.planmonitor.report.client.Downstream.PROJECT_SERVICE;

/**
 * Builds a report in two steps: fetch (what the other services say, pinned as data) and render (structured
 * content from the pinned data alone, so the same data always gives the same content).
 */
@ApplicationScoped
public class ReportGenerator {

    /** A failure the report's reader should see as the reason (the plan or list no longer exists); names no host. */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Pages of tasks read at most (200 each): a plan past 10,000 tasks is a mistake to report, not to page through. */
    static final int MAX_TASK_PAGES = 50;

    private final Downstream downstream;
    private final Narrative narrative;
    private final ZoneId zone;

    public ReportGenerator(Downstream downstream, Narrative narrative, BureauClock clock) {
        this.downstream = downstream;
        this.narrative = narrative;
        this.zone = clock.clock().getZone();
    }

    /** Reads what the report needs from the other services, as of a time. */
    public PinnedData fetch(String type, ReportParameters params, String asOf) {
        Integer year = params.year();
        String plan = params.plan();
        try {
            switch (type) {
                case "ANNUAL_EXECUTION" -> {
                    PlanEvaluation evaluation = from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf));
                    return new PinnedData(asOf, evaluation, null, optionalSummary(plan + "-KEY", year), null, null, allTasks(plan, null));
                }
                case "PLAN_EVALUATION" -> {
                    return new PinnedData(asOf, from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf)), null, null, null);
                }
                case "DEPARTMENT_SCORECARD" -> {
                    Department department = from(INDICATOR_SERVICE, () -> downstream.department(text(params.department())));
                    return new PinnedData(asOf, from(INDICATOR_SERVICE, () -> downstream.evaluation(plan, year, asOf)), department, null, null,
                            null, allTasks(plan, department.code()));
                }
                case "PROJECT_PROGRESS" -> {
                    String list = text(params.list());
                    ProjectListSummary summary = from(PROJECT_SERVICE, () -> downstream.projectSummary(list, year));
                    return new PinnedData(asOf, null, null, summary, allProjects(list));
                }
                case "OVERSIGHT" -> {
                    Plan found = from(INDICATOR_SERVICE, () -> downstream.plan(plan));
                    return new PinnedData(asOf, null, null, null, null, found, allTasks(plan, null));
                }
                default -> throw new Refused("report type " + type + " cannot be generated");
            }
        } catch (Downstream.NotFound e) {
            throw new Refused(e.getMessage());
        }
    }

    /**
     * A read from a service; the refusals of fault tolerance around {@link Downstream} (its timeout, its open circuit
     * breaker), which name no service, become the {@link Downstream.Unavailable} of the service read.
     */
    private static <T> T from(String service, Supplier<T> read) {
        try {
            return read.get();
        } catch (FaultToleranceException e) {
            throw Downstream.Unavailable.of(service, null, e);
        }
    }

    private ProjectListSummary optionalSummary(String list, Integer year) {
        try {
            return from(PROJECT_SERVICE, () -> downstream.projectSummary(list, year));
        } catch (Downstream.NotFound noList) {
            return null;
        }
    }

    private List<Project> allProjects(String list) {
        // No page cap yet for a list's projects (the largest measured, GEN-KEY, has 5,000): a decision left to the note.
        return allPages(PROJECT_SERVICE, number -> downstream.projectsPage(list, number), Integer.MAX_VALUE, null);
    }

    /** A plan's tasks in printed order (a department's, lead or supporting, when given), page by page. */
    private List<Task> allTasks(String plan, String department) {
        return allPages(INDICATOR_SERVICE, number -> downstream.tasksPage(plan, department, number), MAX_TASK_PAGES,
                () -> new Refused("plan " + plan + " has more tasks than a report reads (" + MAX_TASK_PAGES + " pages of 200); report on a "
                        + "department's tasks instead"));
    }

    /**
     * Every page of a list, read until a page comes back empty or short or the total is reached; past {@code maxPages},
     * the refusal {@code tooMany} gives.
     */
    private static <T> List<T> allPages(String service, java.util.function.IntFunction<Page<T>> read, int maxPages,
                                        Supplier<Refused> tooMany) {
        List<T> all = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            int number = page;
            Page<T> answer = from(service, () -> read.apply(number));
            List<T> items = answer.items() == null ? List.of() : answer.items();
            all.addAll(items);
            if (items.isEmpty() || items.size() < answer.size() || all.size() >= answer.total()) {
                return all;
            }
        }
        throw tooMany.get();
    }

    /** The day tasks are judged at: the report's asOf in the bureau's time zone (today when it was not given). */
    private LocalDate day(String asOf) {
        try {
            return java.time.OffsetDateTime.parse(asOf).atZoneSameInstant(zone).toLocalDate();
        } catch (RuntimeException unreadable) {
            // The worker always pins an asOf; content read from a row without one is as of today.
            return LocalDate.now(zone);
        }
    }

    /**
     * The structured report, from the pinned data only: built as the contract's ReportContent record, so what is stored
     * and served is what the contract describes. A text the services left out reads as empty, as it always has.
     */
    public ReportContentDto render(String type, PinnedData data) {
        PlanEvaluation evaluation = data.evaluation();
        Plan plan = evaluation != null ? evaluation.plan() : data.plan();
        ProjectListSummary projects = data.projects();
        Department department = data.department();
        String stage = evaluation == null ? null : evaluation.stage();
        boolean finalStage = "FINAL".equals(stage);
        Integer year = evaluation != null && evaluation.year() != null ? evaluation.year() : projects != null ? projects.year()
                : annual(plan) ? plan.startYear() : null;
        String yearZh = year == null ? "" : year + "年";
        String yearEn = year == null ? "" : ", " + year;
        String planZh = plan == null ? "" : text(plan.titleZh());
        String planEn = plan == null ? "" : text(plan.titleEn());

        String titleZh;
        String titleEn;
        switch (type) {
            case "ANNUAL_EXECUTION" -> {
                titleZh = planZh + "执行情况报告";
                titleEn = "Execution report: " + planEn;
            }
            case "PLAN_EVALUATION" -> {
                titleZh = planZh + (finalStage ? "实施情况总结评估报告" : "实施情况中期评估报告");
                titleEn = (finalStage ? "Final evaluation: " : "Mid-term evaluation: ") + planEn + (finalStage ? "" : " (" + year + ")");
            }
            case "DEPARTMENT_SCORECARD" -> {
                titleZh = text(department.nameZh()) + "负责指标完成情况（" + planZh + "，" + yearZh + "）";
                titleEn = "Department scorecard: " + text(department.nameEn()) + " (" + planEn + yearEn + ")";
            }
            case "OVERSIGHT" -> {
                titleZh = oversightTitleZh(plan, planZh);
                titleEn = "Oversight bulletin on the key work of the " + planEn;
            }
            default -> {
                ProjectList list = projects.list();
                titleZh = (list == null ? "" : text(list.nameZh())) + "进展情况报告" + (year == null ? "" : "（" + yearZh + "）");
                titleEn = "Project progress: " + (list == null ? "" : text(list.nameEn())) + (year == null ? "" : " (" + year + ")");
            }
        }
        String planCode = plan != null ? text(plan.code()) : projects == null || projects.list() == null ? null : projects.list().plan();

        String departmentCode = department == null ? null : text(department.code());
        List<EvaluatedIndicator> items = new ArrayList<>(evaluation == null || evaluation.items() == null ? List.of() : evaluation.items());
        if (departmentCode != null) {
            items.removeIf(i -> role(i, departmentCode) == null);
        }
        if (type.equals("ANNUAL_EXECUTION") && data.tasks() != null) {
            // The plan's main targets (主要预期目标) are its table; a task's commitments are reported with their task in
            // the key-work section, not counted among them.
            java.util.Set<String> commitments = data.tasks().stream().filter(t -> t.commitments() != null)
                    .flatMap(t -> t.commitments().stream()).map(Task.TaskCommitment::code).collect(java.util.stream.Collectors.toSet());
            items.removeIf(i -> commitments.contains(i.code()));
        }
        if (!type.equals("ANNUAL_EXECUTION")) {
            // The plan asks for binding indicators first (第十五章第三节).
            items.sort(Comparator.comparingInt((EvaluatedIndicator i) -> "BINDING".equals(i.attribute()) ? 0 : 1).thenComparingInt(i -> zero(i.seq())));
        }
        List<IndicatorRowDto> rows = items.stream().map(item -> row(item, departmentCode)).toList();
        ProjectList list = projects == null ? null : projects.list();
        ReportContentDto content = new ReportContentDto(type, titleZh, titleEn, planCode, year, stage, text(data.asOf()),
                department == null ? null : new CodeNameDto(department.code(), department.nameZh(), department.nameEn()),
                projects == null ? null : list == null ? new CodeNameDto(null, null, null) : new CodeNameDto(list.code(), list.nameZh(), list.nameEn()),
                rows, VerdictsByCategory.of(rows), VerdictCounts.summary(rows), ListSummaryDto.of(projects),
                data.projectRows() == null ? List.of() : data.projectRows().stream().map(ReportGenerator::projectRow).toList(), null, null,
                keyWork(type, data, departmentCode), "OVERSIGHT".equals(type) ? KeyWork.oversight(data.tasks(), day(data.asOf())) : null);
        return narrative.write(content);
    }

    private gov.planmonitor.report.mapping.TaskContentDto.KeyWorkDto keyWork(String type, PinnedData data, String departmentCode) {
        return switch (type) {
            case "ANNUAL_EXECUTION" -> KeyWork.annual(data.tasks(), day(data.asOf()));
            case "DEPARTMENT_SCORECARD" -> KeyWork.department(data.tasks(), day(data.asOf()), departmentCode);
            default -> null;
        };
    }

    private static boolean annual(Plan plan) {
        return plan != null && plan.startYear() != null && plan.startYear().equals(plan.endYear());
    }

    /**
     * "越秀区2018年重点工作督查通报" for an annual plan (the district as its title names it before the year); a plan of
     * several years by its title ("…规划纲要主要任务督查通报").
     */
    private static String oversightTitleZh(Plan plan, String planZh) {
        if (!annual(plan)) {
            return planZh + "主要任务督查通报";
        }
        String year = plan.startYear().toString();
        int at = planZh.indexOf(year);
        return (at > 0 ? planZh.substring(0, at) : "") + year + "年重点工作督查通报";
    }

    private static IndicatorRowDto row(EvaluatedIndicator item, String departmentCode) {
        Observation observation = item.observation() == null ? new Observation(null, null, null, null) : item.observation();
        return new IndicatorRowDto(text(item.code()), zero(item.seq()), text(item.nameZh()), text(item.nameEn()), codeName(item.category()),
                item.attribute(), item.unit() == null ? "" : text(item.unit().printed()), item.target() == null ? "" : text(item.target().text()),
                observation.value(), observation.growthRate(), observation.qualitativeZh(), observation.status(), text(item.verdict()),
                text(item.verdictZh()), text(item.verdictEn()), item.explanation() == null ? "" : text(item.explanation().zh()),
                item.explanation() == null ? "" : text(item.explanation().en()), departmentCode == null ? null : role(item, departmentCode));
    }

    private static ProjectRowDto projectRow(Project p) {
        return new ProjectRowDto(text(p.id()), p.seq(), text(p.nameZh()), text(p.nameEn()), codeName(p.category()), text(p.status()),
                p.zone() == null ? null : codeName(p.zone()), p.progressPercent(), ListSummaryDto.MoneyDto.of(p.plannedToDate()),
                ListSummaryDto.MoneyDto.of(p.completedToDate()), zero(p.overdueMilestones()));
    }

    /** A category as the report shows it: present, with null parts, even when the service gave none. */
    private static CodeNameDto codeName(CodeName c) {
        return c == null ? new CodeNameDto(null, null, null) : new CodeNameDto(c.code(), c.nameZh(), c.nameEn());
    }

    private static String role(EvaluatedIndicator item, String department) {
        for (EvaluatedIndicator.DepartmentRole d : item.departments() == null ? List.<EvaluatedIndicator.DepartmentRole>of() : item.departments()) {
            if (department.equals(d.code())) {
                return text(d.role());
            }
        }
        return null;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}
