package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.evaluation.EvaluationDto;
import gov.planmonitor.indicator.evaluation.EvaluationItemDto;
import gov.planmonitor.indicator.evaluation.EvaluationService;
import gov.planmonitor.indicator.indicators.CodeNameDto;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle;
import gov.planmonitor.support.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A task's API representation: its places, units, derived status and its commitments' verdicts from the plan's evaluation. */
@ApplicationScoped
public class TaskViews {

    /** The verdicts of the commitments of some tasks, by indicator code (one evaluation per plan that has any). */
    public record Verdicts(Map<String, EvaluationItemDto> items, Map<String, Integer> years) {
        static final Verdicts NONE = new Verdicts(Map.of(), Map.of());
    }

    private final EvaluationService evaluation;
    private final EntityManager entities;
    private final BureauClock clock;

    public TaskViews(EvaluationService evaluation, EntityManager entities, BureauClock clock) {
        this.evaluation = evaluation;
        this.entities = entities;
        this.clock = clock;
    }

    public TaskDto one(PlanTask task) {
        return toDto(task, verdicts(List.of(task)), children(List.of(task)).getOrDefault(task.id, 0), clock.today());
    }

    public List<TaskDto> all(List<PlanTask> tasks) {
        Verdicts verdicts = verdicts(tasks);
        Map<Long, Integer> children = children(tasks);
        LocalDate today = clock.today();
        return tasks.stream().map(t -> toDto(t, verdicts, children.getOrDefault(t.id, 0), today)).toList();
    }

    /** Evaluates each plan whose tasks have commitments, once. */
    public Verdicts verdicts(Collection<PlanTask> tasks) {
        Set<String> plans = tasks.stream().filter(t -> !t.commitments.isEmpty()).map(t -> t.plan.code).collect(Collectors.toSet());
        if (plans.isEmpty()) {
            return Verdicts.NONE;
        }
        Map<String, EvaluationItemDto> items = new HashMap<>();
        Map<String, Integer> years = new HashMap<>();
        for (String plan : plans) {
            EvaluationDto evaluated = evaluation.evaluate(plan, null, null);
            for (EvaluationItemDto item : evaluated.items()) {
                items.put(item.code(), item);
                years.put(item.code(), evaluated.year());
            }
        }
        return new Verdicts(items, years);
    }

    private Map<Long, Integer> children(Collection<PlanTask> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entities.createQuery("select t.parent.id, count(t) from PlanTask t where t.parent.id in :ids group by t.parent.id", Object[].class)
                .setParameter("ids", tasks.stream().map(t -> t.id).toList()).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> ((Long) r[1]).intValue()));
    }

    TaskDto toDto(PlanTask task, Verdicts verdicts, int children, LocalDate today) {
        LocalDate deadline = task.effectiveDeadline();
        TaskLifecycle.Shown shown = TaskLifecycle.shown(task.status, deadline, today);
        long daysOverdue = shown == TaskLifecycle.Shown.DELAYED ? ChronoUnit.DAYS.between(deadline, today) : 0;
        return new TaskDto(task.code, task.plan.code, task.parent == null ? null : task.parent.code, level(task.depth), task.seq,
                task.textZh, task.textEn == null ? task.textZh : task.textEn,
                units(task, PlanTask.Role.LEAD), units(task, PlanTask.Role.SUPPORT), deadline, task.deadline == null,
                shown.name(), task.status.name(), daysOverdue, task.progress, task.completedOn,
                task.completedOn != null && task.completedOn.isAfter(deadline), task.source,
                task.commitments.stream().map(i -> commitment(i, verdicts)).toList(), children, task.updatedAt);
    }

    static String level(int depth) {
        return switch (depth) {
            case 1 -> "AREA";
            case 2 -> "SUB_AREA";
            default -> "TASK";
        };
    }

    private static List<CodeNameDto> units(PlanTask task, PlanTask.Role role) {
        return task.departments.stream().filter(a -> a.role == role)
                .map(a -> new CodeNameDto(a.department.code, a.department.nameZh, a.department.nameEn)).toList();
    }

    private static TaskDto.CommitmentDto commitment(Indicator indicator, Verdicts verdicts) {
        EvaluationItemDto item = verdicts.items().get(indicator.code);
        if (item == null) {
            // A commitment is an indicator of the task's own plan (TaskService checks), so its plan's evaluation has it.
            throw new IllegalStateException("commitment " + indicator.code + " is missing from its plan's evaluation");
        }
        EvaluationItemDto.UsedObservationDto used = item.observation();
        return new TaskDto.CommitmentDto(indicator.code, indicator.nameZh, indicator.nameEnOrZh(), indicator.unit,
                item.target() == null ? null : item.target().text(), verdicts.years().get(indicator.code),
                used == null ? null : used.value(), used == null ? null : used.year(), item.verdict(), item.verdictZh(), item.verdictEn());
    }
}
