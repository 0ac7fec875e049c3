package gov.planmonitor.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.persistence.BulkInsert;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /** One resource's change, for {@link #recordAll}. */
    public record Change(String resourceId, Object before, Object after) {
    }

    /**
     * Records many writes of one request (an import) as {@link #record} would one by one, streamed in with COPY.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String resourceType, List<Change> changes) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String subject = caller.subject();
        String subjectName = truncate(caller.displayName(), 200);
        String roles = String.join(",", caller.roles());
        String operation = request.operationId();
        String method = request.method();
        String path = truncate(request.path(), 500);
        String requestId = request.requestId();
        BulkInsert.copy(AuditEntry.getEntityManager(), "audit_entry", List.of(
                new BulkInsert.Column<Change>("occurred_at", c -> now),
                new BulkInsert.Column<>("subject", c -> subject),
                new BulkInsert.Column<>("subject_name", c -> subjectName),
                new BulkInsert.Column<>("roles", c -> roles),
                new BulkInsert.Column<>("operation", c -> operation),
                new BulkInsert.Column<>("http_method", c -> method),
                new BulkInsert.Column<>("path", c -> path),
                new BulkInsert.Column<>("resource_type", c -> resourceType),
                new BulkInsert.Column<>("request_id", c -> requestId),
                new BulkInsert.Column<>("resource_id", c -> truncate(c.resourceId(), 200)),
                new BulkInsert.Column<>("before_state", c -> write(c.before())),
                new BulkInsert.Column<>("after_state", c -> write(c.after()))), changes);
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
