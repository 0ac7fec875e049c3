package gov.planmonitor.indicator.tasks.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a task's status, apart from loading and wording. Departments report work (start, finish); planners also
 * suspend, resume, cancel and reopen. DELAYED is never recorded: a task is delayed while it is open (not started or in
 * progress) and its deadline, a date in the bureau's time zone, has passed (today is after it).
 */
public final class TaskLifecycle {

    /** What is recorded. */
    public enum Status { NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED, CANCELLED }

    /** What oversight reads: the recorded status, or DELAYED for an open task past its deadline. */
    public enum Shown { NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED, CANCELLED, DELAYED }

    /** Who moves the status: the task's lead department, or a planner (admins count as planners). */
    public enum Actor { LEAD_DEPARTMENT, PLANNER }

    private static final Set<Status> OPEN = EnumSet.of(Status.NOT_STARTED, Status.IN_PROGRESS);

    private static final Map<Status, Set<Status>> BY_LEAD = Map.of(
            Status.NOT_STARTED, EnumSet.of(Status.IN_PROGRESS, Status.COMPLETED),
            Status.IN_PROGRESS, EnumSet.of(Status.COMPLETED));

    private static final Map<Status, Set<Status>> BY_PLANNER = Map.of(
            Status.NOT_STARTED, EnumSet.of(Status.IN_PROGRESS, Status.COMPLETED, Status.SUSPENDED, Status.CANCELLED),
            Status.IN_PROGRESS, EnumSet.of(Status.COMPLETED, Status.SUSPENDED, Status.CANCELLED),
            Status.COMPLETED, EnumSet.of(Status.IN_PROGRESS),
            Status.SUSPENDED, EnumSet.of(Status.NOT_STARTED, Status.IN_PROGRESS, Status.CANCELLED));

    private TaskLifecycle() {
    }

    public static boolean open(Status status) {
        return OPEN.contains(status);
    }

    /** Past its deadline: the deadline day has ended in the bureau's time zone. */
    public static boolean overdue(Status status, LocalDate deadline, LocalDate today) {
        return open(status) && today.isAfter(deadline);
    }

    public static Shown shown(Status status, LocalDate deadline, LocalDate today) {
        return overdue(status, deadline, today) ? Shown.DELAYED : Shown.valueOf(status.name());
    }

    /**
     * Why {@code actor} may not move a task from {@code from} to {@code to}, or empty when it may. The same status is
     * no move (an update that only reports progress leaves the status as it is).
     */
    public static Optional<String> refusal(Status from, Status to, Actor actor) {
        if (from == to) {
            return Optional.empty();
        }
        if (from == Status.CANCELLED) {
            return Optional.of("a cancelled task stays cancelled");
        }
        Set<Status> allowed = (actor == Actor.PLANNER ? BY_PLANNER : BY_LEAD).getOrDefault(from, Set.of());
        if (allowed.contains(to)) {
            return Optional.empty();
        }
        if (actor == Actor.LEAD_DEPARTMENT && BY_PLANNER.getOrDefault(from, Set.of()).contains(to)) {
            return Optional.of("moving a task from " + from + " to " + to + " is for a planner; the lead department may only start or complete it");
        }
        return Optional.of("a task cannot move from " + from + " to " + to + "; from " + from + " it may move to "
                + BY_PLANNER.getOrDefault(from, Set.of()));
    }
}
