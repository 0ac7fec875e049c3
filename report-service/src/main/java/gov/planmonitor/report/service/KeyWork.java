package gov.planmonitor.report.service;

import gov.planmonitor.report.client.CodeName;
import gov.planmonitor.report.client.Task;
import gov.planmonitor.report.mapping.ReportContentDto.CodeNameDto;
import gov.planmonitor.report.mapping.TaskContentDto.AreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.CommitmentRowDto;
import gov.planmonitor.report.mapping.TaskContentDto.KeyWorkDto;
import gov.planmonitor.report.mapping.TaskContentDto.OversightDto;
import gov.planmonitor.report.mapping.TaskContentDto.SubAreaDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskCountsDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskGroupDto;
import gov.planmonitor.report.mapping.TaskContentDto.TaskRowDto;
import gov.planmonitor.report.render.Verdicts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plan-task sections of a report's content, from the pinned tasks and the day they are judged at (TaskRules):
 * the key work of an annual execution report or a department scorecard, and the oversight bulletin.
 */
final class KeyWork {

    private KeyWork() {
    }

    /** ANNUAL_EXECUTION: the outline (areas, sub-areas, tasks), counts, late tasks by lead; null when the plan has no tasks. */
    static KeyWorkDto annual(List<Task> tasks, LocalDate day) {
        if (tasks == null || tasks.isEmpty()) {
            return null;
        }
        Map<String, List<Task>> children = new LinkedHashMap<>();
        for (Task t : tasks) {
            children.computeIfAbsent(t.parent() == null ? "" : t.parent(), k -> new ArrayList<>()).add(t);
        }
        List<AreaDto> areas = new ArrayList<>();
        for (Task area : children.getOrDefault("", List.of())) {
            List<SubAreaDto> subAreas = new ArrayList<>();
            List<TaskRowDto> direct = new ArrayList<>();
            List<Task> items = new ArrayList<>();
            if (TaskRules.workItem(area)) {
                direct.add(row(area, day, null));
                items.add(area);
            }
            for (Task child : children.getOrDefault(area.code(), List.of())) {
                if ("TASK".equals(child.level())) {
                    // A task straight under an area: shown in a sub-area without heading.
                    direct.add(row(child, day, null));
                    items.add(child);
                    continue;
                }
                List<Task> own = TaskRules.workItem(child) ? List.of(child) : children.getOrDefault(child.code(), List.of());
                own = own.stream().filter(TaskRules::workItem).toList();
                items.addAll(own);
                subAreas.add(new SubAreaDto(child.code(), zero(child.seq()), text(child.textZh()), text(child.textEn()),
                        own.stream().map(t -> row(t, day, null)).toList()));
            }
            if (!direct.isEmpty()) {
                subAreas.add(0, new SubAreaDto(null, 0, null, null, direct));
            }
            areas.add(new AreaDto(area.code(), zero(area.seq()), text(area.textZh()), text(area.textEn()), counts(items, day), subAreas));
        }
        List<Task> items = tasks.stream().filter(TaskRules::workItem).toList();
        List<TaskGroupDto> late = groups(items, day, t -> TaskRules.late(t, day));
        return new KeyWorkDto(day.toString(), counts(items, day), areas, List.of(), late, commitmentVerdicts(items));
    }

    /** DEPARTMENT_SCORECARD: the department's tasks (lead or supporting) with its role; null when it has none. */
    static KeyWorkDto department(List<Task> tasks, LocalDate day, String department) {
        if (tasks == null) {
            return null;
        }
        List<Task> items = tasks.stream().filter(TaskRules::workItem).toList();
        if (items.isEmpty()) {
            return null;
        }
        List<TaskRowDto> rows = items.stream().map(t -> row(t, day, role(t, department))).toList();
        return new KeyWorkDto(day.toString(), counts(items, day), List.of(), rows, List.of(), commitmentVerdicts(items));
    }

    /** OVERSIGHT: the tasks late on the day or lagging, by principal lead unit. */
    static OversightDto oversight(List<Task> tasks, LocalDate day) {
        List<Task> items = tasks == null ? List.of() : tasks.stream().filter(TaskRules::workItem).toList();
        List<TaskGroupDto> groups = groups(items, day, t -> TaskRules.late(t, day) || TaskRules.lagging(t));
        int listed = groups.stream().mapToInt(TaskGroupDto::count).sum();
        int late = groups.stream().mapToInt(TaskGroupDto::late).sum();
        int lagging = groups.stream().mapToInt(TaskGroupDto::lagging).sum();
        return new OversightDto(day.toString(), items.size(), listed, late, lagging, groups);
    }

    private static List<TaskGroupDto> groups(List<Task> items, LocalDate day, java.util.function.Predicate<Task> included) {
        List<TaskGroupDto> groups = new ArrayList<>();
        for (Map.Entry<CodeName, List<Task>> g : TaskRules.byPrincipalLead(items, t -> t, included)) {
            List<Task> members = g.getValue();
            groups.add(new TaskGroupDto(g.getKey() == null ? null : codeName(g.getKey()), members.size(),
                    (int) members.stream().filter(t -> TaskRules.late(t, day)).count(), (int) members.stream().filter(TaskRules::lagging).count(),
                    members.stream().map(t -> row(t, day, null)).toList()));
        }
        return groups;
    }

    static TaskCountsDto counts(List<Task> items, LocalDate day) {
        int completed = 0;
        int completedLate = 0;
        int inProgress = 0;
        int notStarted = 0;
        int delayed = 0;
        int suspended = 0;
        int cancelled = 0;
        for (Task t : items) {
            switch (TaskRules.status(t, day)) {
                case "COMPLETED" -> {
                    completed++;
                    completedLate += Boolean.TRUE.equals(t.completedLate()) ? 1 : 0;
                }
                case "IN_PROGRESS" -> inProgress++;
                case "DELAYED" -> delayed++;
                case "SUSPENDED" -> suspended++;
                case "CANCELLED" -> cancelled++;
                default -> notStarted++;
            }
        }
        return new TaskCountsDto(items.size(), completed, completedLate, inProgress, notStarted, delayed, suspended, cancelled);
    }

    /** The commitments of the tasks per verdict, in the verdicts' display order. */
    private static Map<String, Integer> commitmentVerdicts(List<Task> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.stream().flatMap(t -> t.commitments() == null ? java.util.stream.Stream.empty() : t.commitments().stream())
                .map(Task.TaskCommitment::verdict).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt((String v) -> Verdicts.ORDER.indexOf(v) < 0 ? Verdicts.ORDER.size() : Verdicts.ORDER.indexOf(v))
                        .thenComparing(v -> v))
                .forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    static TaskRowDto row(Task t, LocalDate day, String role) {
        List<CommitmentRowDto> commitments = t.commitments() == null ? List.of() : t.commitments().stream()
                .map(c -> new CommitmentRowDto(text(c.code()), text(c.nameZh()), text(c.nameEn()), text(c.unit()), text(c.target()), c.value(),
                        c.valueYear(), text(c.verdict()), text(c.verdictZh()), text(c.verdictEn())))
                .toList();
        return new TaskRowDto(text(t.code()), zero(t.seq()), text(t.textZh()), text(t.textEn()), TaskRules.status(t, day), TaskRules.recorded(t),
                units(t.lead()), units(t.supporting()), t.deadline(), t.progress(), TaskRules.daysOverdue(t, day), t.completedOn(),
                Boolean.TRUE.equals(t.completedLate()), TaskRules.lagging(t), role, commitments);
    }

    private static String role(Task t, String department) {
        if (t.lead() != null && t.lead().stream().anyMatch(u -> department.equals(u.code()))) {
            return "LEAD";
        }
        return "SUPPORT";
    }

    private static List<CodeNameDto> units(List<CodeName> units) {
        return units == null ? List.of() : units.stream().map(KeyWork::codeName).toList();
    }

    private static CodeNameDto codeName(CodeName c) {
        return new CodeNameDto(c.code(), c.nameZh(), c.nameEn());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static int zero(Integer n) {
        return n == null ? 0 : n;
    }
}
