package gov.planmonitor.report.service;

import gov.planmonitor.report.client.CodeName;
import gov.planmonitor.report.client.Task;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lateness as of a day and the grouping by principal lead unit, on tasks written by hand. */
class TaskRulesTest {

    private static final CodeName DRC = new CodeName("DRC", "区发改局", "District Development and Reform Bureau");
    private static final CodeName EDUCATION = new CodeName("EDUCATION", "区教育局", "District Education Bureau");

    private static Task task(String code, String recorded, String deadline, List<CodeName> lead, String verdict) {
        List<Task.TaskCommitment> commitments = verdict == null ? List.of()
                : List.of(new Task.TaskCommitment("C-" + code, "承诺", "Commitment", "个", "3个", 2018, BigDecimal.ONE, 2018, verdict, "", ""));
        return new Task(code, "AP2018", "AP2018-T1-1", "TASK", 1, "任务", "Task", lead, List.of(), deadline, false, recorded, recorded, 0L, null,
                null, false, commitments, 0);
    }

    @Test
    void aTaskIsLateOnlyWhenOpenAfterItsDeadlineDay() {
        Task open = task("A", "IN_PROGRESS", "2018-12-31", List.of(DRC), null);
        assertFalse(TaskRules.late(open, LocalDate.of(2018, 12, 31)), "due today is not late yet");
        assertTrue(TaskRules.late(open, LocalDate.of(2019, 1, 1)));
        assertEquals(1, TaskRules.daysOverdue(open, LocalDate.of(2019, 1, 1)));
        // 2018-12-31 to 2019-03-01: 31 + 28 + 1 days.
        assertEquals(60, TaskRules.daysOverdue(open, LocalDate.of(2019, 3, 1)));
        assertEquals("DELAYED", TaskRules.status(open, LocalDate.of(2019, 1, 1)));
        assertEquals("IN_PROGRESS", TaskRules.status(open, LocalDate.of(2018, 6, 1)));
        assertFalse(TaskRules.late(task("B", "COMPLETED", "2018-06-30", List.of(DRC), null), LocalDate.of(2019, 1, 1)));
        assertFalse(TaskRules.late(task("C", "SUSPENDED", "2018-06-30", List.of(DRC), null), LocalDate.of(2019, 1, 1)));
        assertEquals(0, TaskRules.daysOverdue(task("D", "NOT_STARTED", null, List.of(), null), LocalDate.of(2019, 1, 1)), "no deadline, never late");
    }

    @Test
    void aTaskLagsWhenACommitmentLagsOrWasNotAchieved() {
        assertTrue(TaskRules.lagging(task("A", "COMPLETED", "2018-06-30", List.of(), "NOT_ACHIEVED")));
        assertTrue(TaskRules.lagging(task("B", "IN_PROGRESS", "2018-06-30", List.of(), "LAGGING")));
        assertFalse(TaskRules.lagging(task("C", "IN_PROGRESS", "2018-06-30", List.of(), "ON_TRACK")));
    }

    @Test
    void groupsAreByPrincipalLeadMostFirstTiesByCodeUnassignedLast() {
        List<Task> tasks = List.of(task("1", "IN_PROGRESS", "2018-01-31", List.of(), null),
                task("2", "IN_PROGRESS", "2018-01-31", List.of(EDUCATION, DRC), null),
                task("3", "IN_PROGRESS", "2018-01-31", List.of(DRC), null),
                task("4", "IN_PROGRESS", "2018-01-31", List.of(EDUCATION), null),
                task("5", "IN_PROGRESS", "2018-01-31", List.of(DRC), null),
                task("6", "COMPLETED", "2018-01-31", List.of(DRC), null));
        List<Map.Entry<CodeName, List<Task>>> groups = TaskRules.byPrincipalLead(tasks, t -> t, t -> TaskRules.late(t, LocalDate.of(2018, 2, 1)));
        assertEquals(3, groups.size());
        // EDUCATION leads 2 and 4 (2's principal lead is EDUCATION, DRC second); DRC 3 and 5; 6 is done. A tie: by code.
        assertEquals("DRC", groups.get(0).getKey().code());
        assertEquals(List.of("3", "5"), groups.get(0).getValue().stream().map(Task::code).toList());
        assertEquals("EDUCATION", groups.get(1).getKey().code());
        assertEquals(List.of("2", "4"), groups.get(1).getValue().stream().map(Task::code).toList());
        assertNull(groups.get(2).getKey());
        assertEquals(List.of("1"), groups.get(2).getValue().stream().map(Task::code).toList());
    }
}
