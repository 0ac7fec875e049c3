package gov.planmonitor.project.projects;

import gov.planmonitor.support.privacy.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Who is answerable for what was recorded on a project, shown instead of the person who recorded it to readers who may
 * not see people ({@link People}): the project's lead department as it is now (its code, e.g. CONSTRUCTION), or, for a
 * project without departments, the role that may then record it.
 */
@ApplicationScoped
@Transactional
public class Answerable {

    private final ProjectRepository projects;

    public Answerable(ProjectRepository projects) {
        this.projects = projects;
    }

    /** The lead department's code, else {@code withoutDepartment}. */
    public String of(String projectId, String withoutDepartment) {
        return projects.leadDepartmentCode(projectId).orElse(withoutDepartment);
    }
}
