package gov.planmonitor.project.progress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, Long> {
}
