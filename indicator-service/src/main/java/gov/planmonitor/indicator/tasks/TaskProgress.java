package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.indicators.CodeNameDto;
import gov.planmonitor.indicator.observations.ObservationInput;
import gov.planmonitor.indicator.observations.ObservationService;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.privacy.People;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.support.write.VersionedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Progress updates: the lead unit reports and moves the status, supporting units report, planners suspend, resume,
 * cancel or reopen (an update with its reason) and return an update with a comment. A returned update no longer counts:
 * the status it set goes back, and the progress is the latest standing update's.
 */
@ApplicationScoped
@Transactional
public class TaskProgress {

    private final TaskService tasks;
    private final TaskUpdateRepository updates;
    private final ObservationService observations;
    private final VersionedWrites writes;
    private final Caller caller;
    private final People people;
    private final BureauClock clock;
    private final VersionedWrites.Kind<TaskUpdate, TaskUpdateDto> kind = new VersionedWrites.Kind<>("taskUpdate", u -> u.task.code + "/" + u.id, this::toDto);

    public TaskProgress(TaskService tasks, TaskUpdateRepository updates, ObservationService observations, VersionedWrites writes, Caller caller,
                        People people, BureauClock clock) {
        this.tasks = tasks;
        this.updates = updates;
        this.observations = observations;
        this.writes = writes;
        this.caller = caller;
        this.people = people;
        this.clock = clock;
    }

    public List<TaskUpdateDto> list(String code) {
        return ReadOnly.read(updates.getEntityManager(), () -> {
            PlanTask task = tasks.get(code);
            return updates.list("task = ?1 order by id", task).stream().map(this::toDto).toList();
        });
    }

    public Versioned<TaskUpdateDto> view(String code, long id) {
        return ReadOnly.read(updates.getEntityManager(), () -> {
            TaskUpdate update = get(code, id);
            return new Versioned<>(toDto(update), update.version);
        });
    }

    public Versioned<TaskUpdateDto> post(String code, @NotNull @Valid TaskUpdateInput input) {
        PlanTask task = tasks.get(code);
        boolean planner = caller.has(Roles.PLANNER) || caller.has(Roles.ADMIN);
        Department department = planner ? null : reportingDepartment(task, input.department());
        boolean lead = department != null && task.departments.stream()
                .anyMatch(a -> a.role == PlanTask.Role.LEAD && a.department.code.equals(department.code));
        TaskLifecycle.Status to = input.status() == null ? task.status : TaskLifecycle.Status.valueOf(input.status());
        if (to != task.status) {
            if (!planner && !lead) {
                throw new ServiceException.Forbidden("moving task " + code + "'s status is for its lead unit or a planner; "
                        + department.code + " supports it and may report progress without a status");
            }
            TaskLifecycle.refusal(task.status, to, planner ? TaskLifecycle.Actor.PLANNER : TaskLifecycle.Actor.LEAD_DEPARTMENT)
                    .ifPresent(why -> {
                        throw new ServiceException.Invalid("status", why);
                    });
        }
        List<String> commitmentCodes = task.commitments.stream().map(i -> i.code).toList();
        for (int i = 0; i < input.values().size(); i++) {
            String indicator = input.values().get(i).indicator();
            if (!commitmentCodes.contains(indicator)) {
                throw new ServiceException.Invalid("commitmentValues[" + i + "].indicator", "indicator " + indicator + " is not a commitment of task "
                        + code + (commitmentCodes.isEmpty() ? ", which has none" : " (its commitments: " + String.join(", ", commitmentCodes) + ")"));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TaskUpdate update = new TaskUpdate();
        update.task = task;
        update.department = department;
        update.text = input.text().trim();
        update.progress = input.progress() != null ? input.progress() : (to == TaskLifecycle.Status.COMPLETED ? Integer.valueOf(100) : null);
        update.evidence = input.evidenceLinks().isEmpty() ? null : String.join("\n", input.evidenceLinks());
        update.statusFrom = to == task.status ? null : task.status;
        update.statusTo = to == task.status ? null : to;
        update.commitmentValues = input.values().isEmpty() ? null
                : String.join("\n", input.values().stream().map(v -> v.indicator() + " " + v.year() + " " + v.value().toPlainString() + " "
                        + (v.status() == null ? "PRELIMINARY" : v.status())).toList());
        update.postedAt = now;
        update.postedBy = writes.author();
        update.touch(writes.author(), now);
        for (TaskUpdateInput.CommitmentValue value : input.values()) {
            observations.report(value.indicator(), value.year(), new ObservationInput(null, value.value(), null, null,
                    value.status() == null ? "PRELIMINARY" : value.status(), null, null, null, "任务进度报告 " + code, update.text, null, null));
        }
        if (update.statusTo != null || update.progress != null) {
            writes.change(tasks.kind(), task, t -> {
                move(t, to);
                if (update.progress != null) {
                    t.progress = update.progress;
                }
                t.touch(writes.author(), now);
            });
        }
        return writes.create(kind, update);
    }

    public Versioned<TaskUpdateDto> giveBack(String code, long id, @NotNull @Valid TaskReturnInput input) {
        caller.require("returning a progress update", Roles.PLANNER);
        TaskUpdate update = get(code, id);
        if (update.returnedAt != null) {
            throw new ServiceException.Conflict("update " + id + " of task " + code + " was already returned on " + update.returnedAt);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Versioned<TaskUpdateDto> returned = writes.change(kind, update, u -> {
            u.returnedAt = now;
            u.returnedBy = writes.author();
            u.returnComment = input.comment().trim();
            u.touch(writes.author(), now);
        });
        PlanTask task = update.task;
        Integer progress = updates.find("task = ?1 and returnedAt is null and progress is not null order by id desc", task)
                .firstResultOptional().map(u -> u.progress).orElse(null);
        TaskLifecycle.Status status = update.statusTo != null && task.status == update.statusTo ? update.statusFrom : task.status;
        writes.changeIf(tasks.kind(), task, t -> {
            if (t.status == status && java.util.Objects.equals(t.progress, progress)) {
                return false;
            }
            move(t, status);
            t.progress = progress;
            t.touch(writes.author(), now);
            return true;
        });
        return returned;
    }

    private void move(PlanTask task, TaskLifecycle.Status to) {
        if (to == task.status) {
            return;
        }
        task.status = to;
        task.completedOn = to == TaskLifecycle.Status.COMPLETED ? clock.today() : null;
    }

    private TaskUpdate get(String code, long id) {
        PlanTask task = tasks.get(code);
        return updates.find("task = ?1 and id = ?2", task, id).firstResultOptional()
                .orElseThrow(() -> new ServiceException.NotFound("task " + code + " has no update " + id));
    }

    /** The unit a department token reports for: the one it names, else its lead unit of the task, else a supporting one. */
    private Department reportingDepartment(PlanTask task, String named) {
        List<String> units = task.departments.stream().map(a -> a.department.code).toList();
        caller.requireDepartment("reporting progress on task " + task.code, units, Roles.PLANNER);
        if (named != null) {
            if (!caller.departments().contains(named) || !units.contains(named)) {
                throw new ServiceException.Invalid("department", "department " + named + " is not one your token speaks for among task "
                        + task.code + "'s units (" + String.join(", ", units) + ")");
            }
        }
        Optional<PlanTask.Assignment> unit = task.departments.stream()
                .filter(a -> named != null ? a.department.code.equals(named) : caller.departments().contains(a.department.code))
                .findFirst();
        return unit.orElseThrow().department;
    }

    TaskUpdateDto toDto(TaskUpdate u) {
        boolean visible = people.visible();
        String answerable = u.department != null ? u.department.code : Roles.PLANNER;
        return new TaskUpdateDto(u.id, u.task.code,
                u.department == null ? null : new CodeNameDto(u.department.code, u.department.nameZh, u.department.nameEn),
                u.text, u.progress, u.evidence == null ? List.of() : Arrays.asList(u.evidence.split("\n")),
                u.statusFrom == null ? null : u.statusFrom.name(), u.statusTo == null ? null : u.statusTo.name(), values(u.commitmentValues),
                u.postedAt, visible ? u.postedBy : answerable, u.returnedAt != null, u.returnedAt,
                u.returnedBy == null ? null : (visible ? u.returnedBy : Roles.PLANNER), u.returnComment);
    }

    private static List<TaskUpdateInput.CommitmentValue> values(String stored) {
        List<TaskUpdateInput.CommitmentValue> values = new ArrayList<>();
        if (stored != null) {
            for (String line : stored.split("\n")) {
                String[] parts = line.split(" ");
                values.add(new TaskUpdateInput.CommitmentValue(parts[0], Integer.valueOf(parts[1]), new BigDecimal(parts[2]), parts[3]));
            }
        }
        return values;
    }
}
