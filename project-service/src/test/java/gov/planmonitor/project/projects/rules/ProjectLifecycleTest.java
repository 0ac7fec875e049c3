package gov.planmonitor.project.projects.rules;

import gov.planmonitor.project.projects.Project.Status;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle as pure rules, step by step (the API's LifecycleTest walks the same steps through HTTP). */
class ProjectLifecycleTest {

    @Test
    void eachStageMovesOnOrStopsOrEnds() {
        assertEquals(EnumSet.of(Status.PREPARATION, Status.SUSPENDED, Status.CANCELLED), ProjectLifecycle.allowedNext(Status.IDENTIFICATION, null));
        assertEquals(EnumSet.of(Status.IMPLEMENTATION, Status.SUSPENDED, Status.CANCELLED), ProjectLifecycle.allowedNext(Status.PREPARATION, null));
        assertEquals(EnumSet.of(Status.COMPLETION, Status.SUSPENDED, Status.CANCELLED), ProjectLifecycle.allowedNext(Status.IMPLEMENTATION, null));
        // Acceptance can send a project back to implementation; a completed project is not cancelled.
        assertEquals(EnumSet.of(Status.COMPLETED, Status.IMPLEMENTATION, Status.SUSPENDED), ProjectLifecycle.allowedNext(Status.COMPLETION, null));
    }

    @Test
    void theEndsAreFinal() {
        assertTrue(ProjectLifecycle.allowedNext(Status.COMPLETED, null).isEmpty());
        assertTrue(ProjectLifecycle.allowedNext(Status.CANCELLED, Status.IMPLEMENTATION).isEmpty());
    }

    @Test
    void aSuspensionReturnsOnlyToTheStageItInterrupted() {
        assertEquals(EnumSet.of(Status.IMPLEMENTATION, Status.CANCELLED), ProjectLifecycle.allowedNext(Status.SUSPENDED, Status.IMPLEMENTATION));
        assertEquals(EnumSet.of(Status.CANCELLED), ProjectLifecycle.allowedNext(Status.SUSPENDED, null));
    }

    @Test
    void stopsAndEndsNeedAReason() {
        assertTrue(ProjectLifecycle.needsReason(Status.SUSPENDED));
        assertTrue(ProjectLifecycle.needsReason(Status.CANCELLED));
        assertFalse(ProjectLifecycle.needsReason(Status.COMPLETED));
        assertFalse(ProjectLifecycle.needsReason(Status.PREPARATION));
    }
}
