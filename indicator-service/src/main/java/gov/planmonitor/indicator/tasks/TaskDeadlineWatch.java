package gov.planmonitor.indicator.tasks;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.time.BureauClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * Announces, once, each task that becomes DELAYED: every {@code planmonitor.tasks.deadline-watch} a replica marks the open
 * tasks whose deadline day has ended (bureau time) and that were not announced, and records a task.delayed event for each
 * in the audit trail (so the change feed and webhooks carry it), in one transaction. The UPDATE takes the rows' locks, so
 * of two replicas at work at once only one announces a task.
 */
@ApplicationScoped
public class TaskDeadlineWatch {

    private static final Logger LOG = Logger.getLogger(TaskDeadlineWatch.class);

    private final EntityManager entities;
    private final TaskRepository tasks;
    private final TaskViews views;
    private final AuditTrail audit;
    private final BureauClock clock;

    public TaskDeadlineWatch(EntityManager entities, TaskRepository tasks, TaskViews views, AuditTrail audit, BureauClock clock) {
        this.entities = entities;
        this.tasks = tasks;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(every = "${planmonitor.tasks.deadline-watch:1m}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        int announced = announce();
        if (announced > 0) {
            LOG.infof("announced %d task(s) past their deadline", announced);
        }
    }

    /** Marks and announces the tasks that went late since the last look; how many. */
    public int announce() {
        LocalDate today = clock.today();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = entities.createNativeQuery("UPDATE plan_task t SET delay_announced_at = now() FROM plan p WHERE p.id = t.plan_id"
                            + " AND t.delay_announced_at IS NULL AND " + TaskRepository.OPEN_SQL
                            + " AND " + TaskRepository.DEADLINE_SQL + " < ?1 RETURNING t.id")
                    .setParameter(1, today).getResultList();
            if (ids.isEmpty()) {
                return 0;
            }
            List<PlanTask> late = tasks.list("id in ?1 order by code", ids.stream().map(Number::longValue).toList());
            for (TaskDto task : views.all(late)) {
                audit.recordOwn("indicator-service", "announceDelayedTasks", "/api/v1/tasks/" + task.code(), "deadline-" + today,
                        "task", task.code(), task, task, "delayed");
            }
            return ids.size();
        });
    }
}
