package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.departments.DepartmentRepository;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.indicator.indicators.IndicatorService;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.plans.PlanRepository;
import gov.planmonitor.support.input.Codes;
import gov.planmonitor.support.input.Inputs;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.tabular.Outcome;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Planners' writes of tasks: create, replace (assign, re-time, re-word, attach commitments), delete a mistaken one, and
 * the tasks import. The status moves only through progress updates ({@link TaskProgress}), so that every move has a
 * reason on record.
 */
@ApplicationScoped
@Transactional
public class TaskService {

    private final TaskRepository tasks;
    private final TaskUpdateRepository updates;
    private final PlanRepository plans;
    private final DepartmentRepository departments;
    private final IndicatorRepository indicators;
    private final IndicatorService indicatorService;
    private final TaskViews views;
    private final VersionedWrites writes;
    private final Caller caller;
    private final BureauClock clock;
    private final VersionedWrites.Kind<PlanTask, TaskDto> kind;

    public TaskService(TaskRepository tasks, TaskUpdateRepository updates, PlanRepository plans, DepartmentRepository departments,
                       IndicatorRepository indicators, IndicatorService indicatorService, TaskViews views, VersionedWrites writes,
                       Caller caller, BureauClock clock) {
        this.tasks = tasks;
        this.updates = updates;
        this.plans = plans;
        this.departments = departments;
        this.indicators = indicators;
        this.indicatorService = indicatorService;
        this.views = views;
        this.writes = writes;
        this.caller = caller;
        this.clock = clock;
        this.kind = new VersionedWrites.Kind<>("task", t -> t.code, views::one);
    }

    /** The task's audit name, id and representation, for the other writers of tasks (a field read through a proxy is empty). */
    VersionedWrites.Kind<PlanTask, TaskDto> kind() {
        return kind;
    }

    public PlanTask get(String code) {
        return tasks.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no task with code " + code));
    }

    public Versioned<TaskDto> view(String code) {
        return ReadOnly.read(tasks.getEntityManager(), () -> {
            PlanTask task = get(code);
            return new Versioned<>(views.one(task), task.version);
        });
    }

    public Versioned<TaskDto> create(@NotNull @Valid TaskInput input) {
        caller.require("creating a task", Roles.PLANNER);
        if (tasks.findByCode(input.code()).isPresent()) {
            throw new ServiceException.Conflict("a task with code " + input.code() + " already exists");
        }
        PlanTask task = new PlanTask();
        apply(task, input);
        Versioned<TaskDto> created = writes.create(kind, task);
        followTask(task);
        return created;
    }

    public Versioned<TaskDto> replace(String code, @NotNull @Valid TaskInput input, IfMatch ifMatch) {
        caller.require("changing a task", Roles.PLANNER);
        Codes.requireUnchanged("code", code, input.code());
        PlanTask task = get(code);
        Versioned<TaskDto> written = writes.update(kind, task, ifMatch, t -> apply(t, input));
        followTask(task);
        return written;
    }

    /** An import row: created, changed or left as it is. */
    public Outcome upsert(@NotNull @Valid TaskInput input) {
        caller.require("importing tasks", Roles.PLANNER);
        PlanTask task = tasks.findByCode(input.code()).orElse(null);
        if (task == null) {
            create(input);
            return Outcome.CREATED;
        }
        boolean changed = writes.changeIf(kind, task, t -> {
            if (same(t, input)) {
                return false;
            }
            apply(t, input);
            return true;
        });
        if (changed) {
            followTask(task);
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /**
     * A row of the division table (任务分工): the task's units and deadline, the rest as it is. A deadline equal to the
     * plan's last day keeps a task that had none on the plan's end (so that an exported table imports unchanged).
     */
    public Outcome reassign(PlanTask task, List<String> lead, List<String> supporting, LocalDate deadline) {
        caller.require("assigning tasks", Roles.PLANNER);
        LocalDate wanted = task.deadline == null && LocalDate.of(task.plan.endYear, 12, 31).equals(deadline) ? null : deadline(task.plan, deadline);
        boolean changed = writes.changeIf(kind, task, t -> {
            if (t.departmentCodes(PlanTask.Role.LEAD).equals(lead) && t.departmentCodes(PlanTask.Role.SUPPORT).equals(supporting)
                    && Objects.equals(t.deadline, wanted)) {
                return false;
            }
            LocalDate before = t.effectiveDeadline();
            t.deadline = wanted;
            retimed(t, before);
            assign(t, lead, supporting);
            t.touch(writes.author(), OffsetDateTime.now(ZoneOffset.UTC));
            return true;
        });
        if (changed) {
            followTask(task);
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /** A department's code from its code or its Chinese name as tables print it (区发改局); empty when it is neither. */
    public Optional<String> unitCode(String codeOrName) {
        return departments.findByCode(codeOrName).or(() -> departments.find("nameZh", codeOrName).firstResultOptional())
                .map(d -> d.code);
    }

    /** Only a task entered by mistake goes: one with no sub-tasks and no progress updates (others are cancelled). */
    public void delete(String code, IfMatch ifMatch) {
        caller.require("deleting a task", Roles.PLANNER);
        PlanTask task = get(code);
        writes.delete(kind, task, ifMatch, () -> {
            if (tasks.count("parent", task) > 0) {
                throw new ServiceException.Conflict("task " + code + " holds other tasks; delete or move them first");
            }
            if (updates.count("task", task) > 0) {
                throw new ServiceException.Conflict("task " + code + " has progress updates; cancel it instead (a progress update with status CANCELLED)");
            }
        });
    }

    private boolean same(PlanTask task, TaskInput input) {
        return task.plan.code.equals(input.plan()) && Objects.equals(task.parent == null ? null : task.parent.code, Inputs.blankToNull(input.parent()))
                && task.seq == input.seq() && task.textZh.equals(input.textZh().trim())
                && Objects.equals(task.textEn, Inputs.blankToNull(input.textEn()) == null ? null : input.textEn().trim())
                && task.departmentCodes(PlanTask.Role.LEAD).equals(input.leadCodes())
                && task.departmentCodes(PlanTask.Role.SUPPORT).equals(input.supportingCodes())
                && Objects.equals(task.deadline, input.deadline())
                && task.commitments.stream().map(i -> i.code).toList().equals(input.commitmentCodes())
                && Objects.equals(task.source, Inputs.blankToNull(input.source()));
    }

    private void apply(PlanTask task, TaskInput input) {
        Plan plan = plans.findByCode(input.plan()).orElseThrow(() -> new ServiceException.Invalid("plan", "no plan with code " + input.plan()));
        if (task.plan != null && task.plan != plan) {
            throw new ServiceException.Invalid("plan", "a task stays in its plan (" + task.plan.code + "); create one in " + plan.code + " instead");
        }
        PlanTask parent = parent(task, plan, Inputs.blankToNull(input.parent()));
        LocalDate before = task.plan == null ? null : task.effectiveDeadline();
        task.code = input.code();
        task.plan = plan;
        task.parent = parent;
        task.depth = parent == null ? 1 : parent.depth + 1;
        task.seq = input.seq();
        task.textZh = input.textZh().trim();
        task.textEn = Inputs.blankToNull(input.textEn()) == null ? null : input.textEn().trim();
        task.deadline = deadline(plan, input.deadline());
        retimed(task, before);
        assign(task, input.leadCodes(), input.supportingCodes());
        commitments(task, plan, input.commitmentCodes());
        task.source = Inputs.blankToNull(input.source());
        task.touch(writes.author(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** A task re-timed after its DELAYED event is announced again when the new deadline passes. */
    private void retimed(PlanTask task, LocalDate before) {
        if (task.delayAnnouncedAt != null && !task.effectiveDeadline().equals(before) && !task.effectiveDeadline().isBefore(clock.today())) {
            task.delayAnnouncedAt = null;
        }
    }

    private PlanTask parent(PlanTask task, Plan plan, String code) {
        String current = task.parent == null ? null : task.parent.code;
        if (task.id != null && !Objects.equals(current, code) && tasks.count("parent", task) > 0) {
            throw new ServiceException.Invalid("parent", "task " + task.code + " holds other tasks, so it keeps its place (parent " + current + ")");
        }
        if (code == null) {
            return null;
        }
        PlanTask parent = tasks.findByCode(code).orElseThrow(() -> new ServiceException.Invalid("parent", "no task with code " + code));
        if (parent.plan != plan) {
            throw new ServiceException.Invalid("parent", "task " + code + " belongs to plan " + parent.plan.code + ", not " + plan.code);
        }
        if (parent.depth >= 3) {
            throw new ServiceException.Invalid("parent", "task " + code + " is a task, not an area or sub-area: tasks nest three levels at most");
        }
        if (task.id != null && parent.id.equals(task.id)) {
            throw new ServiceException.Invalid("parent", "a task cannot hold itself");
        }
        return parent;
    }

    private static LocalDate deadline(Plan plan, LocalDate deadline) {
        if (deadline != null && (deadline.getYear() < plan.startYear - 1 || deadline.getYear() > plan.endYear + 5)) {
            throw new ServiceException.Invalid("deadline", "deadline " + deadline + " is far outside plan " + plan.code + " (" + plan.startYear + "–"
                    + plan.endYear + "): give a date from " + (plan.startYear - 1) + " to " + (plan.endYear + 5));
        }
        return deadline;
    }

    /** Sets the lead and supporting units, in order; a unit is either. */
    void assign(PlanTask task, List<String> lead, List<String> supporting) {
        List<PlanTask.Assignment> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        addUnits(wanted, seen, lead, PlanTask.Role.LEAD, "lead");
        addUnits(wanted, seen, supporting, PlanTask.Role.SUPPORT, "supporting");
        List<String> now = task.departments.stream().map(a -> a.department.code + ":" + a.role).toList();
        if (!now.equals(wanted.stream().map(a -> a.department.code + ":" + a.role).toList())) {
            task.departments.clear();
            task.departments.addAll(wanted);
        }
    }

    private void addUnits(List<PlanTask.Assignment> into, Set<String> seen, List<String> codes, PlanTask.Role role, String field) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).trim();
            String at = field + "[" + i + "]";
            Department department = departments.findByCode(code).orElseThrow(() -> new ServiceException.Invalid(at, "unknown department " + code));
            if (!seen.add(code)) {
                throw new ServiceException.Invalid(at, "department " + code + " is listed twice (a unit leads or supports, not both)");
            }
            into.add(new PlanTask.Assignment(department, role));
        }
    }

    private void commitments(PlanTask task, Plan plan, List<String> codes) {
        List<Indicator> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).trim();
            String at = "commitments[" + i + "]";
            Indicator indicator = indicators.findByCode(code).orElseThrow(() -> new ServiceException.Invalid(at, "no indicator with code " + code));
            if (indicator.plan != plan) {
                throw new ServiceException.Invalid(at, "indicator " + code + " belongs to plan " + indicator.plan.code + ", not " + plan.code);
            }
            if (!seen.add(code)) {
                throw new ServiceException.Invalid(at, "indicator " + code + " is listed twice");
            }
            tasks.find("select t from PlanTask t join t.commitments i where i = ?1 and t.code <> ?2", indicator, task.code == null ? "" : task.code)
                    .firstResultOptional().ifPresent(other -> {
                        throw new ServiceException.Invalid(at, "indicator " + code + " already quantifies task " + other.code);
                    });
            wanted.add(indicator);
        }
        if (!task.commitments.stream().map(c -> c.code).toList().equals(codes)) {
            task.commitments.clear();
            task.commitments.addAll(wanted);
        }
    }

    /**
     * A commitment's departments follow its task's: the principal lead unit leads it, the other units support it. An
     * unassigned task leaves its commitments' departments as they are.
     */
    void followTask(PlanTask task) {
        List<PlanTask.Assignment> units = task.departments;
        if (units.stream().noneMatch(a -> a.role == PlanTask.Role.LEAD)) {
            return;
        }
        List<DepartmentRoleDto> roles = new ArrayList<>();
        PlanTask.Assignment principal = units.stream().filter(a -> a.role == PlanTask.Role.LEAD).findFirst().orElseThrow();
        roles.add(new DepartmentRoleDto(principal.department.code, null, null, "LEAD"));
        units.stream().filter(a -> a != principal).forEach(a -> roles.add(new DepartmentRoleDto(a.department.code, null, null, "SUPPORT")));
        task.commitments.forEach(indicator -> indicatorService.assignDepartments(indicator, roles));
    }
}
