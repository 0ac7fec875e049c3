package gov.planmonitor.report.repository;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A report: the generation job and, once it succeeds, the data it was built from and its content. */
@Entity
@Table(name = "report")
public class Report {

    public enum Type { ANNUAL_EXECUTION, PLAN_EVALUATION, DEPARTMENT_SCORECARD, PROJECT_PROGRESS, OVERSIGHT }

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    /** The request's parameters as JSON. */
    @Column(nullable = false)
    public String parameters;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(nullable = false)
    public int attempts;

    /** The time the data is read as of; regenerating with the same asOf gives the same content. */
    @Column(name = "as_of", nullable = false)
    public OffsetDateTime asOf;

    /**
     * Exactly what the other services returned, as JSON. Lazy, like the content: a plan of 10,000 indicators pins about
     * 12 MB, which a status poll, a page of the report list or a worker's claim must not load.
     */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pinned_data")
    public String pinnedData;

    /** The structured report (JSON), from which every format is rendered. */
    @Basic(fetch = FetchType.LAZY)
    public String content;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /**
     * The requester's token subject (createdBy is the display "name (subject)"): what the per-requester quota counts
     * and the worker's fair claim groups by. Not in the API.
     */
    @Column(nullable = false)
    public String requester;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "heartbeat_at")
    public OffsetDateTime heartbeatAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
