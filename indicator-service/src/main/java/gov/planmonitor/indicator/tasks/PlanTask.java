package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle;
import gov.planmonitor.support.persistence.Audited;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A task of a plan (主要任务, 重点工作): an area, a sub-area or a task, by its depth. */
@Entity
@Table(name = "plan_task")
public class PlanTask extends Audited {

    public enum Role { LEAD, SUPPORT }

    /** A responsible unit of the task and its role, in the division table's order. */
    @Embeddable
    public static class Assignment {
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "department_id", nullable = false)
        public Department department;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Role role;

        public Assignment() {
        }

        public Assignment(Department department, Role role) {
            this.department = department;
            this.role = role;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public PlanTask parent;

    @Column(nullable = false)
    public int depth;

    @Column(nullable = false)
    public int seq;

    @Column(name = "text_zh", nullable = false)
    public String textZh;

    @Column(name = "text_en")
    public String textEn;

    /** Null: the plan's end applies. */
    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskLifecycle.Status status = TaskLifecycle.Status.NOT_STARTED;

    /** The percent the latest standing progress update gave; null before any. */
    public Integer progress;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    public String source;

    @Column(name = "delay_announced_at")
    public OffsetDateTime delayAnnouncedAt;

    @ElementCollection
    @CollectionTable(name = "task_department", joinColumns = @JoinColumn(name = "task_id"))
    @OrderColumn(name = "position")
    public List<Assignment> departments = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "task_commitment", joinColumns = @JoinColumn(name = "task_id"), inverseJoinColumns = @JoinColumn(name = "indicator_id"))
    @OrderColumn(name = "position")
    public List<Indicator> commitments = new ArrayList<>();

    /** The deadline in force: the one set, else the last day of the plan. */
    public LocalDate effectiveDeadline() {
        return deadline != null ? deadline : LocalDate.of(plan.endYear, 12, 31);
    }

    public List<String> departmentCodes(Role role) {
        return departments.stream().filter(a -> a.role == role).map(a -> a.department.code).toList();
    }
}
