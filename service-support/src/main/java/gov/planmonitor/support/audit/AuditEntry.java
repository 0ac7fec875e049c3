package gov.planmonitor.support.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/**
 * One write, as the audit trail keeps it: who (subject, name, roles), when, which operation on which resource, the
 * resource before and after (its API representation), and the request id. Rows are only ever inserted; the table's
 * trigger refuses UPDATE, DELETE and TRUNCATE (each service's migration creates it).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String subject;

    @Column(name = "subject_name", nullable = false)
    public String subjectName;

    @Column(nullable = false)
    public String roles;

    @Column(nullable = false)
    public String operation;

    @Column(name = "http_method", nullable = false)
    public String httpMethod;

    @Column(nullable = false)
    public String path;

    @Column(name = "resource_type", nullable = false)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public String resourceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    /** The change feed's event for a write a service made on its own (e.g. succeeded); null for a request's write. */
    @Column(name = "event_action")
    public String eventAction;
}
