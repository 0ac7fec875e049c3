package gov.planmonitor.project.projects;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, Long> {

    public Optional<Project> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The code of the project's lead department, in one statement; empty when it has none (or no such project). */
    public Optional<String> leadDepartmentCode(String projectCode) {
        return getEntityManager().createQuery("select d.id.departmentCode from ProjectDepartment d where d.project.code = ?1 and d.role = ?2",
                        String.class)
                .setParameter(1, projectCode).setParameter(2, ProjectDepartment.Role.LEAD).getResultStream().findFirst();
    }
}
