package gov.planmonitor.indicator.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    public Optional<Plan> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
