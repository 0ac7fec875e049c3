package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.TaskContentDto.AreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.CommitmentRowDto;
import gov.planmonitor.report.mapping.TaskContentDto.KeyWorkDto;
import gov.planmonitor.report.mapping.TaskContentDto.OversightDto;
import gov.planmonitor.report.mapping.TaskContentDto.SubAreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskCountsDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskGroupDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskRowDto;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plan-task part of a report (key work, a department's tasks, the oversight bulletin) as headed sections with task
 * tables, worked out once for the page and the Markdown: every text as printed, in both languages. The one section of
 * level 2 is the report's chapter; areas and lead units are its level 3, sub-areas and late units' groups level 4.
 */
public final class TaskSections {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** A heading (empty: none, the tasks straight under an area) with its notes and tasks. */
    public record Section(int level, String headingZh, String headingEn, List<String> notesZh, List<String> notesEn, List<Line> lines) {

        /** The Markdown heading mark of the level. */
        public String hashes() {
            return "#".repeat(level);
        }
    }

    /** A task as a table row; leadZh/leadEn are 未分配/Unassigned when it has no lead unit. */
    public record Line(String code, String textZh, String textEn, String status, String statusZh, String statusEn, String leadZh,
                       String leadEn, String supportingZh, String supportingEn, String roleZh, String roleEn, String deadline,
                       String progress, String daysOverdue, List<String> commitmentsZh, List<String> commitmentsEn) {
    }

    private final Wording zh;
    private final Wording en;

    private TaskSections(Wording zh, Wording en) {
        this.zh = zh;
        this.en = en;
    }

    /** The sections of a report's tasks; empty when it shows none. */
    public static List<Section> of(ReportContentDto r, Wording zh, Wording en) {
        TaskSections t = new TaskSections(zh, en);
        List<Section> sections = new ArrayList<>();
        if (r.oversight() != null) {
            t.oversight(r.oversight(), sections);
        } else if (r.keyWork() != null && "DEPARTMENT_SCORECARD".equals(r.type())) {
            KeyWorkDto work = r.keyWork();
            sections.add(new Section(2, zh.departmentTasks(), en.departmentTasks(), List.of(t.counts(zh, work.day(), work.counts())),
                    List.of(t.counts(en, work.day(), work.counts())), t.lines(work.tasks())));
        } else if (r.keyWork() != null) {
            t.annual(r.keyWork(), sections);
        }
        return sections;
    }

    private void annual(KeyWorkDto work, List<Section> sections) {
        sections.add(new Section(2, zh.keyWork(), en.keyWork(), List.of(counts(zh, work.day(), work.counts())),
                List.of(counts(en, work.day(), work.counts())), List.of()));
        for (AreaDto area : list(work.areas())) {
            sections.add(new Section(3, numeral(area.seq()) + "、" + Fields.text(area.textZh(), ""), Fields.text(area.textEn(), ""),
                    List.of(counts(zh, work.day(), area.counts())), List.of(counts(en, work.day(), area.counts())), List.of()));
            for (SubAreaDto sub : list(area.subAreas())) {
                sections.add(new Section(4, Fields.text(sub.textZh(), ""), Fields.text(sub.textEn(), ""), List.of(), List.of(), lines(sub.tasks())));
            }
        }
        List<TaskGroupDto> late = list(work.lateByLead());
        sections.add(new Section(3, zh.lateByLead(), en.lateByLead(), late.isEmpty() ? List.of(zh.noLateTasks()) : List.of(),
                late.isEmpty() ? List.of(en.noLateTasks()) : List.of(), List.of()));
        groups(late, 4, sections);
    }

    private void oversight(OversightDto o, List<Section> sections) {
        List<TaskGroupDto> groups = list(o.groups());
        List<String> notesZh = new ArrayList<>(List.of(zh.oversightCounts(o.day(), o.examined(), o.listed(), o.late(), o.lagging())));
        List<String> notesEn = new ArrayList<>(List.of(en.oversightCounts(o.day(), o.examined(), o.listed(), o.late(), o.lagging())));
        if (groups.isEmpty()) {
            notesZh.add(zh.noOversightTasks());
            notesEn.add(en.noOversightTasks());
        }
        sections.add(new Section(2, zh.lateAndLagging(), en.lateAndLagging(), notesZh, notesEn, List.of()));
        groups(groups, 3, sections);
    }

    private void groups(List<TaskGroupDto> groups, int level, List<Section> sections) {
        for (TaskGroupDto g : groups) {
            String nameZh = g.lead() == null ? zh.unassigned() : name(g.lead(), true);
            String nameEn = g.lead() == null ? en.unassigned() : name(g.lead(), false);
            sections.add(new Section(level, zh.groupHeading(nameZh, g.count(), g.late(), g.lagging()),
                    en.groupHeading(nameEn, g.count(), g.late(), g.lagging()), List.of(), List.of(), lines(g.tasks())));
        }
    }

    private String counts(Wording words, String day, TaskCountsDto c) {
        return c == null ? "" : words.taskCounts(Fields.text(day, "—"), c.total(), c.completed(), c.inProgress(), c.notStarted(), c.delayed(),
                c.suspended(), c.cancelled());
    }

    private List<Line> lines(List<TaskRowDto> rows) {
        return list(rows).stream().map(this::line).toList();
    }

    private Line line(TaskRowDto t) {
        String status = Fields.text(t.status());
        String role = Fields.text(t.role());
        return new Line(Fields.text(t.code(), ""), Fields.text(t.textZh(), ""), Fields.text(t.textEn()), status,
                status == null ? "—" : zh.taskStatus(status), status == null ? null : en.taskStatus(status),
                units(t.lead(), true, zh.unassigned()), units(t.lead(), false, en.unassigned()), units(t.supporting(), true, "—"),
                units(t.supporting(), false, "—"), role == null ? null : zh.role(role), role == null ? null : en.role(role),
                Fields.text(t.deadline(), "—"), t.progress() == null ? "—" : t.progress() + "%",
                t.daysOverdue() > 0 ? Long.toString(t.daysOverdue()) : "—",
                list(t.commitments()).stream().map(c -> commitment(zh, c, c.nameZh(), c.verdictZh())).toList(),
                list(t.commitments()).stream().map(c -> commitment(en, c, c.nameEn(), c.verdictEn())).toList());
    }

    private static String commitment(Wording words, CommitmentRowDto c, String name, String verdict) {
        String value = Fields.plain(c.value());
        String verdictCode = Fields.text(c.verdict());
        return words.commitment(Fields.text(name, Fields.text(c.code(), "")), Fields.text(c.target(), "—"),
                value == null ? "—" : value + Fields.text(c.unit(), ""), Fields.text(verdict, verdictCode == null ? "—" : words.verdict(verdictCode)));
    }

    private static String units(List<CodeNameDto> units, boolean chinese, String none) {
        List<CodeNameDto> all = list(units);
        return all.isEmpty() ? none : all.stream().map(u -> name(u, chinese)).collect(Collectors.joining(chinese ? "、" : ", "));
    }

    private static String name(CodeNameDto c, boolean chinese) {
        return Fields.text(chinese ? c.nameZh() : c.nameEn(), Fields.text(c.code(), ""));
    }

    private static String numeral(int n) {
        return n >= 1 && n <= NUMERALS.length ? NUMERALS[n - 1] : Integer.toString(n);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
