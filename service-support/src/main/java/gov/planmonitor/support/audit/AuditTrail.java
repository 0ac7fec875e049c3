package gov.planmonitor.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail of a service. {@link #record} runs inside the write's own transaction (MANDATORY), so a write and its
 * entry commit together or not at all: no write goes unrecorded, and a refused or failed write leaves no entry.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Map<String, String> SORT_FIELDS = Map.of("occurredAt", "id", "id", "id");

    private final Caller caller;
    private final RequestInfo request;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(Caller caller, RequestInfo request, ObjectMapper json) {
        this.caller = caller;
        this.request = request;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records one write by the current caller. {@code before} and {@code after} are the resource's API representation
     * (DTOs or maps); null {@code before} means the write created it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String resourceType, String resourceId, Object before, Object after) {
        AuditEntry entry = entry(resourceType, resourceId, before, after);
        entry.subject = caller.subject();
        entry.subjectName = truncate(caller.displayName(), 200);
        entry.roles = String.join(",", caller.roles());
        entry.operation = request.operationId();
        entry.httpMethod = request.method();
        entry.path = truncate(request.path(), 500);
        entry.requestId = request.requestId();
        entry.persist();
    }

    /**
     * Records a write the service made on its own, outside any request (report-service's worker finishing a job): the
     * service is the author, {@code job} stands for the request id, and {@code action} is the event the change feed
     * announces (e.g. succeeded, failed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOwn(String service, String operation, String path, String job, String resourceType, String resourceId,
                          Object before, Object after, String action) {
        AuditEntry entry = entry(resourceType, resourceId, before, after);
        entry.subject = service;
        entry.subjectName = service;
        entry.roles = "service";
        entry.operation = operation;
        entry.httpMethod = "WORKER";
        entry.path = truncate(path, 500);
        entry.requestId = truncate(job, 100);
        entry.eventAction = action;
        entry.persist();
    }

    /** An entry for a write of the resource, now; its author is the caller's to fill in. */
    private AuditEntry entry(String resourceType, String resourceId, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = OffsetDateTime.now(clock);
        entry.resourceType = resourceType;
        entry.resourceId = truncate(resourceId, 200);
        entry.before = write(before);
        entry.after = write(after);
        return entry;
    }

    /** Binds a query's own parameters, from {@code first} on. */
    @FunctionalInterface
    public interface Parameters {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    /**
     * Records many writes of one request (an import) whose states the database builds from the rows just written, in
     * the same transaction: {@code changes} is a query giving {@code ord, resource_id, before_state, after_state} (JSONB,
     * the resource's API representation) per write, in ord order; each becomes an entry with the caller and request as
     * {@link #record} gives them, in that order. No JSON document is built in Java or sent over the connection.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSelected(String resourceType, String changes, Parameters parameters) {
        String sql = "INSERT INTO audit_entry (occurred_at, subject, subject_name, roles, operation, http_method, path, resource_type,"
                + " request_id, resource_id, before_state, after_state)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, left(c.resource_id, 200), c.before_state, c.after_state FROM (" + changes + ") c"
                + " ORDER BY c.ord";
        Object[] fixed = {OffsetDateTime.now(clock), caller.subject(), truncate(caller.displayName(), 200), String.join(",", caller.roles()),
                request.operationId(), request.method(), truncate(request.path(), 500), resourceType, request.requestId()};
        AuditEntry.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < fixed.length; i++) {
                    statement.setObject(i + 1, fixed[i]);
                }
                parameters.bind(statement, fixed.length + 1);
                statement.executeUpdate();
            }
        });
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the state of a " + state.getClass().getSimpleName(), e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Admins only. Filters: resource type, resource id, subject, time range; newest first by default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageDto<AuditEntryDto> list(Integer page, Integer size, String sort, String resourceType, String resourceId, String subject,
                                       OffsetDateTime from, OffsetDateTime to) {
        caller.require("reading the audit trail", Roles.ADMIN);
        PageRequest request = PageRequest.of(page, size, sort, 20, 200, SORT_FIELDS, "-occurredAt");
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (resourceType != null && !resourceType.isBlank()) {
            where.add("resourceType = :type");
            params.put("type", resourceType.trim());
        }
        if (resourceId != null && !resourceId.isBlank()) {
            where.add("resourceId = :id");
            params.put("id", resourceId.trim());
        }
        if (subject != null && !subject.isBlank()) {
            where.add("subject = :subject");
            params.put("subject", subject.trim());
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.put("to", to);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ServiceException.BadQuery("to", "to must be after from");
        }
        PanacheQuery<AuditEntry> query = where.isEmpty() ? AuditEntry.findAll(request.sort())
                : AuditEntry.find(String.join(" and ", where), request.sort(), params);
        List<AuditEntryDto> items = query.page(Page.of(request.page(), request.size())).list().stream().map(this::toDto).toList();
        return new PageDto<>(items, query.count(), request.page(), request.size());
    }

    private AuditEntryDto toDto(AuditEntry e) {
        return new AuditEntryDto(e.id, e.occurredAt, e.subject, e.subjectName,
                e.roles.isEmpty() ? List.of() : Arrays.asList(e.roles.split(",")), e.operation, e.httpMethod, e.path,
                e.resourceType, e.resourceId, state(e.before), state(e.after), e.requestId);
    }

    /** A state an entry keeps (a resource's API representation), as JSON; null for none. */
    public JsonNode state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry holds invalid JSON", e);
        }
    }
}
