package gov.planmonitor.indicator.tasks;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class TaskRepository implements PanacheRepository<PlanTask> {

    /**
     * JPQL order of tasks as printed, each after its parent, over "PlanTask t left join t.parent a left join a.parent g":
     * an area sorts as (seq, 0, 0), a sub-area as (area, seq, 0), a task as (area, sub-area, seq).
     */
    public static final String OUTLINE_ORDER = "coalesce(g.seq, a.seq, t.seq), case when g is null then (case when a is null then 0 else t.seq end)"
            + " else a.seq end, case when g is null then 0 else t.seq end";

    public Optional<PlanTask> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
