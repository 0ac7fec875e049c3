package gov.planmonitor.project.progress;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class InvestmentRepository implements PanacheRepositoryBase<Investment, Long> {
}
