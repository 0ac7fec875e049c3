package gov.planmonitor.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<Category, Long> {

    public Optional<Category> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
