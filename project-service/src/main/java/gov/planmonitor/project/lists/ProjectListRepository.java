package gov.planmonitor.project.lists;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ProjectListRepository implements PanacheRepositoryBase<ProjectList, Long> {

    public Optional<ProjectList> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
