package gov.planmonitor.project.progress;

import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import gov.planmonitor.project.projects.Project;

@Entity
@Table(name = "milestone")
public class Milestone extends Audited {

    public enum State { PLANNED, REACHED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "planned_date", nullable = false)
    public LocalDate plannedDate;

    @Column(name = "actual_date")
    public LocalDate actualDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** Overdue: still planned after its planned date. */
    public boolean overdue(LocalDate today) {
        return overdue(state, plannedDate, today);
    }

    /** Still planned, and planned for before today. */
    public static boolean overdue(State state, LocalDate plannedDate, LocalDate today) {
        return state == State.PLANNED && plannedDate.isBefore(today);
    }
}
