package gov.planmonitor.project.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A department (by the indicator service's code) responsible for a project, as lead or support. */
@Entity
@Table(name = "project_department")
public class ProjectDepartment {

    public enum Role { LEAD, SUPPORT }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "project_id")
        public Long projectId;
        @Column(name = "department_code")
        public String departmentCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(projectId, k.projectId) && Objects.equals(departmentCode, k.departmentCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, departmentCode);
        }
    }

    @EmbeddedId
    public Key id = new Key();

    @MapsId("projectId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public int position;

    public String code() {
        return id.departmentCode;
    }
}
