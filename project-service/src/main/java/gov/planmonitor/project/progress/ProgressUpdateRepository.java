package gov.planmonitor.project.progress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProgressUpdateRepository implements PanacheRepositoryBase<ProgressUpdate, Long> {
}
