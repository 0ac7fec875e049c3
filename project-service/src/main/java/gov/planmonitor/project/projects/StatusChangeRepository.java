package gov.planmonitor.project.projects;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepositoryBase<StatusChange, Long> {
}
