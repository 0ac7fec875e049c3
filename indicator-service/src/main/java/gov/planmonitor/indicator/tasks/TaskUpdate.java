package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle;
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

import java.time.OffsetDateTime;

/** A progress update on a task: what a department (or a planner, for a status change) reported, and whether it was returned. */
@Entity
@Table(name = "task_update")
public class TaskUpdate extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public PlanTask task;

    /** The department the author reported for; null for a planner's update. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    public Department department;

    @Column(nullable = false)
    public String text;

    public Integer progress;

    /** Evidence links, one per line. */
    public String evidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_from")
    public TaskLifecycle.Status statusFrom;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_to")
    public TaskLifecycle.Status statusTo;

    /** The commitment values the update recorded, one "CODE YEAR VALUE" per line (the values themselves are observations). */
    @Column(name = "commitment_values")
    public String commitmentValues;

    @Column(name = "posted_at", nullable = false)
    public OffsetDateTime postedAt;

    @Column(name = "posted_by", nullable = false)
    public String postedBy;

    @Column(name = "returned_at")
    public OffsetDateTime returnedAt;

    @Column(name = "returned_by")
    public String returnedBy;

    @Column(name = "return_comment")
    public String returnComment;
}
