package gov.planmonitor.indicator.tasks;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class TaskUpdateRepository implements PanacheRepository<TaskUpdate> {
}
