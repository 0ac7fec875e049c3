package gov.planmonitor.project.projects.rules;

import gov.planmonitor.project.projects.Project.Status;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A key project's lifecycle as pure rules (README, "Lifecycle"): which step may follow which, and which steps need a
 * reason. No loading: ProjectSteps finds the stage a suspension interrupted and records the step; these decide.
 */
public final class ProjectLifecycle {

    /** Allowed steps from each status; from SUSPENDED only back to the stage it interrupted, or to CANCELLED. */
    private static final Map<Status, Set<Status>> TRANSITIONS = new LinkedHashMap<>();

    static {
        TRANSITIONS.put(Status.IDENTIFICATION, EnumSet.of(Status.PREPARATION, Status.SUSPENDED, Status.CANCELLED));
        TRANSITIONS.put(Status.PREPARATION, EnumSet.of(Status.IMPLEMENTATION, Status.SUSPENDED, Status.CANCELLED));
        TRANSITIONS.put(Status.IMPLEMENTATION, EnumSet.of(Status.COMPLETION, Status.SUSPENDED, Status.CANCELLED));
        TRANSITIONS.put(Status.COMPLETION, EnumSet.of(Status.COMPLETED, Status.IMPLEMENTATION, Status.SUSPENDED));
        TRANSITIONS.put(Status.SUSPENDED, EnumSet.of(Status.IDENTIFICATION, Status.PREPARATION, Status.IMPLEMENTATION, Status.COMPLETION,
                Status.CANCELLED));
        TRANSITIONS.put(Status.COMPLETED, EnumSet.noneOf(Status.class));
        TRANSITIONS.put(Status.CANCELLED, EnumSet.noneOf(Status.class));
    }

    private ProjectLifecycle() {
    }

    /**
     * The steps a project in {@code current} may take next. A suspension ends by returning to the stage it interrupted
     * ({@code interrupted}; null when the history does not say, leaving only cancellation) or by cancellation.
     */
    public static Set<Status> allowedNext(Status current, Status interrupted) {
        Set<Status> allowed = EnumSet.copyOf(TRANSITIONS.getOrDefault(current, EnumSet.noneOf(Status.class)));
        if (current == Status.SUSPENDED) {
            allowed = EnumSet.of(Status.CANCELLED);
            if (interrupted != null) {
                allowed.add(interrupted);
            }
        }
        return allowed;
    }

    /** A stop (SUSPENDED) or an end (CANCELLED) is recorded with its reason. */
    public static boolean needsReason(Status to) {
        return to == Status.SUSPENDED || to == Status.CANCELLED;
    }
}
