package gov.planmonitor.project.lists;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import gov.planmonitor.project.projects.Project;

/** A project's place (sequence number) in a list; a project can belong to several lists. */
@Entity
@Table(name = "project_list_member")
public class ListMember {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "list_id")
        public Long listId;
        @Column(name = "project_id")
        public Long projectId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(listId, k.listId) && Objects.equals(projectId, k.projectId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(listId, projectId);
        }
    }

    @EmbeddedId
    public Key id = new Key();

    @MapsId("listId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "list_id")
    public ProjectList list;

    @MapsId("projectId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(nullable = false)
    public int seq;
}
