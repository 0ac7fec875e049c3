package gov.planmonitor.indicator.tasks.rules;

import gov.planmonitor.indicator.tasks.rules.TaskLifecycle.Actor;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle.Shown;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle.Status;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status rules alone: when a task is DELAYED, and who may move it where. */
class TaskLifecycleTest {

    private static final LocalDate DEADLINE = LocalDate.of(2018, 12, 31);

    @Test
    void anOpenTaskIsDelayedFromTheDayAfterItsDeadline() {
        assertEquals(Shown.IN_PROGRESS, TaskLifecycle.shown(Status.IN_PROGRESS, DEADLINE, LocalDate.of(2018, 12, 31)));
        assertEquals(Shown.DELAYED, TaskLifecycle.shown(Status.IN_PROGRESS, DEADLINE, LocalDate.of(2019, 1, 1)));
        assertEquals(Shown.DELAYED, TaskLifecycle.shown(Status.NOT_STARTED, DEADLINE, LocalDate.of(2019, 1, 1)));
        // Done, suspended or cancelled tasks are never late.
        assertEquals(Shown.COMPLETED, TaskLifecycle.shown(Status.COMPLETED, DEADLINE, LocalDate.of(2019, 6, 1)));
        assertEquals(Shown.SUSPENDED, TaskLifecycle.shown(Status.SUSPENDED, DEADLINE, LocalDate.of(2019, 6, 1)));
        assertEquals(Shown.CANCELLED, TaskLifecycle.shown(Status.CANCELLED, DEADLINE, LocalDate.of(2019, 6, 1)));
    }

    @Test
    void theLeadUnitStartsAndCompletesAPlannerAlsoSuspendsCancelsAndReopens() {
        assertTrue(TaskLifecycle.refusal(Status.NOT_STARTED, Status.IN_PROGRESS, Actor.LEAD_DEPARTMENT).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.NOT_STARTED, Status.COMPLETED, Actor.LEAD_DEPARTMENT).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.IN_PROGRESS, Status.COMPLETED, Actor.LEAD_DEPARTMENT).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.IN_PROGRESS, Status.IN_PROGRESS, Actor.LEAD_DEPARTMENT).isEmpty(), "no move");
        assertTrue(TaskLifecycle.refusal(Status.IN_PROGRESS, Status.SUSPENDED, Actor.LEAD_DEPARTMENT).orElseThrow().contains("planner"));
        assertTrue(TaskLifecycle.refusal(Status.COMPLETED, Status.IN_PROGRESS, Actor.LEAD_DEPARTMENT).orElseThrow().contains("planner"));
        assertTrue(TaskLifecycle.refusal(Status.IN_PROGRESS, Status.SUSPENDED, Actor.PLANNER).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.SUSPENDED, Status.IN_PROGRESS, Actor.PLANNER).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.COMPLETED, Status.IN_PROGRESS, Actor.PLANNER).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.NOT_STARTED, Status.CANCELLED, Actor.PLANNER).isEmpty());
        assertTrue(TaskLifecycle.refusal(Status.CANCELLED, Status.IN_PROGRESS, Actor.PLANNER).orElseThrow().contains("cancelled"));
        assertTrue(TaskLifecycle.refusal(Status.COMPLETED, Status.SUSPENDED, Actor.PLANNER).orElseThrow().contains("[IN_PROGRESS]"));
    }
}
