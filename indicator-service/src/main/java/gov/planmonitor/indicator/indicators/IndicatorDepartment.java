package gov.planmonitor.indicator.indicators;

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
import gov.planmonitor.indicator.departments.Department;

/** A department responsible for an indicator, as lead (牵头) or support (配合). */
@Entity
@Table(name = "indicator_department")
public class IndicatorDepartment {

    public enum Role { LEAD, SUPPORT }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "indicator_id")
        public Long indicatorId;
        @Column(name = "department_id")
        public Long departmentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(indicatorId, k.indicatorId) && Objects.equals(departmentId, k.departmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorId, departmentId);
        }
    }

    @EmbeddedId
    public Key id = new Key();

    @MapsId("indicatorId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @MapsId("departmentId")
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    public Department department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(nullable = false)
    public int position;
}
