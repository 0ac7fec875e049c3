package gov.planmonitor.project.projects;

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
import java.time.OffsetDateTime;

/** One step of a project's lifecycle, kept as history. */
@Entity
@Table(name = "status_change")
public class StatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id")
    public Project project;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public Project.Status fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public Project.Status toStatus;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    public String reason;

    @Column(nullable = false)
    public String author;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The cancellation request this step to CANCELLED approved, if any. */
    @Column(name = "cancellation_request_id")
    public Long cancellationRequestId;
}
