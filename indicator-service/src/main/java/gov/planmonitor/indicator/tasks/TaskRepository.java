package gov.planmonitor.indicator.tasks;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class TaskRepository implements PanacheRepository<PlanTask> {

    /** JPQL: tasks with their plan (p), parent (a) and grandparent (g), the aliases {@link #OUTLINE_ORDER} reads. */
    public static final String OUTLINE_SELECT = "select t from PlanTask t join fetch t.plan p left join t.parent a left join a.parent g";

    /**
     * JPQL order of tasks as printed, each after its parent, over {@link #OUTLINE_SELECT}: an area sorts as (seq, 0, 0), a
     * sub-area as (area, seq, 0), a task as (area, sub-area, seq).
     */
    public static final String OUTLINE_ORDER = "coalesce(g.seq, a.seq, t.seq), case when g is null then (case when a is null then 0 else t.seq end)"
            + " else a.seq end, case when g is null then 0 else t.seq end";

    /** SQL over plan_task t joined to its plan p: the deadline in force (the plan's last day when none is set). */
    public static final String DEADLINE_SQL = "COALESCE(t.deadline, make_date(p.end_year, 12, 31))";

    /** SQL over plan_task t: the task is open (not started or in progress), so it can be late. */
    public static final String OPEN_SQL = "t.status IN ('NOT_STARTED', 'IN_PROGRESS')";

    public Optional<PlanTask> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
