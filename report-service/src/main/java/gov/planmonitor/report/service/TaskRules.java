package gov.planmonitor.report.service;

import gov.planmonitor.report.client.CodeName;
import gov.planmonitor.report.client.Task;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules reports judge tasks by, as of a day, from the pinned tasks alone (no loading, no wording). A task is late on a
 * day when it is open (recorded NOT_STARTED or IN_PROGRESS) and its deadline is before that day, as indicator-service
 * derives DELAYED for its own today; judging from the recorded status and deadline lets a report be as of a past day.
 */
public final class TaskRules {

    static final Set<String> OPEN = Set.of("NOT_STARTED", "IN_PROGRESS");
    static final Set<String> LAGGING = Set.of("LAGGING", "NOT_ACHIEVED");

    private TaskRules() {
    }

    /** The recorded status; a task read without one (never so in the contract) from its status, DELAYED being open. */
    static String recorded(Task t) {
        if (t.recordedStatus() != null) {
            return t.recordedStatus();
        }
        return "DELAYED".equals(t.status()) ? "IN_PROGRESS" : t.status() == null ? "NOT_STARTED" : t.status();
    }

    static LocalDate deadline(Task t) {
        try {
            return t.deadline() == null ? null : LocalDate.parse(t.deadline());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Open past its deadline on the day. */
    public static boolean late(Task t, LocalDate day) {
        LocalDate deadline = deadline(t);
        return OPEN.contains(recorded(t)) && deadline != null && deadline.isBefore(day);
    }

    /** The status as of the day: the recorded one, or DELAYED when late. */
    public static String status(Task t, LocalDate day) {
        return late(t, day) ? "DELAYED" : recorded(t);
    }

    /** Days from the deadline to the day while late; 0 otherwise. */
    public static long daysOverdue(Task t, LocalDate day) {
        return late(t, day) ? ChronoUnit.DAYS.between(deadline(t), day) : 0;
    }

    /** A commitment of the task is LAGGING or NOT_ACHIEVED. */
    public static boolean lagging(Task t) {
        return t.commitments() != null && t.commitments().stream().anyMatch(c -> LAGGING.contains(c.verdict()));
    }

    /** The principal lead unit (the first), or null while unassigned. */
    public static CodeName principalLead(Task t) {
        return t.lead() == null || t.lead().isEmpty() ? null : t.lead().get(0);
    }

    /**
     * What is worked on and counted: the tasks, and the areas and sub-areas that hold none (a five-year plan's sections
     * are its tasks).
     */
    public static boolean workItem(Task t) {
        return "TASK".equals(t.level()) || t.children() == null || t.children() == 0;
    }

    /**
     * The tasks that pass, grouped by principal lead unit in the order given: the units with most tasks first (ties by
     * code), the unassigned (key null) last.
     */
    public static <T> List<Map.Entry<CodeName, List<T>>> byPrincipalLead(List<T> items, java.util.function.Function<T, Task> task,
                                                                       Predicate<T> included) {
        Map<String, CodeName> units = new LinkedHashMap<>();
        Map<String, List<T>> groups = new LinkedHashMap<>();
        List<T> unassigned = new ArrayList<>();
        for (T item : items) {
            if (!included.test(item)) {
                continue;
            }
            CodeName lead = principalLead(task.apply(item));
            if (lead == null || lead.code() == null) {
                unassigned.add(item);
            } else {
                units.putIfAbsent(lead.code(), lead);
                groups.computeIfAbsent(lead.code(), k -> new ArrayList<>()).add(item);
            }
        }
        List<Map.Entry<CodeName, List<T>>> result = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<T>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .forEach(e -> result.add(new java.util.AbstractMap.SimpleEntry<>(units.get(e.getKey()), e.getValue())));
        if (!unassigned.isEmpty()) {
            result.add(new java.util.AbstractMap.SimpleEntry<>(null, unassigned));
        }
        return result;
    }
}
