package gov.planmonitor.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, Long> {

    public Optional<Project> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
