package gov.planmonitor.support.changes;

import gov.planmonitor.support.audit.AuditEntry;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's changes in commit order, read from the audit trail (every write records its entry in its own
 * transaction, so no change is announced that did not commit, and none commits unannounced). Only entries of
 * transactions older than every one still running are served, in (transaction id, entry id) order: a consumer that
 * keeps the last cursor sees every change once, whatever the replicas wrote concurrently.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final Pattern CURSOR = Pattern.compile("v1:(\\d+):(\\d+)");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.-]{1,120}");

    private final AuditTrail audit;
    private final Caller caller;
    private final String service;
    private final String typePrefix;

    public ChangeFeed(AuditTrail audit, Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.audit = audit;
        this.caller = caller;
        this.service = service;
        this.typePrefix = "gov.planmonitor." + service.replaceFirst("-service$", "") + ".";
    }

    /** The events after {@code after} (from the start when null), at most {@code limit}, of the given types (all when empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePageDto read(String after, Integer limit, String types) {
        caller.require("reading the change feed", Roles.PLANNER, Roles.DEPARTMENT, Roles.REPORTER, Roles.SERVICE);
        Cursor from = after == null || after.isBlank() ? Cursor.START : Cursor.decode(after);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ServiceException.BadQuery("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<ChangeEventDto> items = new ArrayList<>();
        Cursor next = from;
        for (Entry entry : entriesAfter(from, size, requestedTypes(types))) {
            items.add(new ChangeEventDto("1.0", Long.toString(entry.id()), "/" + service, typePrefix + entry.resourceType() + "." + entry.action(),
                    entry.resourceType() + "/" + entry.resourceId(), entry.occurredAt(), "application/json", audit.state(entry.after()),
                    entry.subjectName() + " (" + entry.subject() + ")", entry.requestId()));
            next = new Cursor(entry.tx(), entry.id());
        }
        return new ChangePageDto(items, next.encode());
    }

    private List<String> requestedTypes(String types) {
        List<String> wanted = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        for (String type : wanted) {
            if (!TYPE.matcher(type).matches()) {
                throw new ServiceException.BadQuery("types", "'" + type + "' is not an event type, e.g. " + typePrefix + "plan.created");
            }
        }
        return wanted;
    }

    /**
     * What a write did to its resource: what the service said for a write of its own (a report job's outcome), else
     * from the states the audit entry kept.
     */
    private static final String ACTION = "COALESCE(event_action, CASE WHEN before_state IS NULL THEN 'created' WHEN after_state IS NULL THEN 'deleted' ELSE 'updated' END)";

    /**
     * The audit entries after the cursor, of transactions older than every one still running (the snapshot's xmin), in
     * (transaction, entry) order: entries of a transaction still open, and of every later one, wait until it ends. The
     * ORDER BY names the table's columns: a bare tx_id would name the selected text (PostgreSQL prefers an output
     * column), which sorts 1000 before 999 and makes a page's cursor skip and repeat events.
     */
    @SuppressWarnings("unchecked")
    private List<Entry> entriesAfter(Cursor from, int size, List<String> types) {
        String sql = """
                SELECT id, CAST(tx_id AS text) AS tx_text, occurred_at, subject, subject_name, resource_type, resource_id,
                       CAST(after_state AS text), request_id, %s
                FROM audit_entry
                WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
                  AND (tx_id > CAST(CAST(:tx AS text) AS xid8) OR (tx_id = CAST(CAST(:tx AS text) AS xid8) AND id > :id))
                  %s
                ORDER BY audit_entry.tx_id, audit_entry.id LIMIT :limit""".formatted(ACTION, types.isEmpty() ? "" : "AND :prefix || resource_type || '.' || " + ACTION + " IN (:types)");
        Query query = AuditEntry.getEntityManager().createNativeQuery(sql)
                .setParameter("tx", Long.toString(from.tx())).setParameter("id", from.id()).setParameter("limit", size);
        if (!types.isEmpty()) {
            query.setParameter("prefix", typePrefix).setParameter("types", types);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(Entry::of).toList();
    }

    private record Entry(long id, long tx, OffsetDateTime occurredAt, String subject, String subjectName, String resourceType,
                         String resourceId, String after, String requestId, String action) {
        static Entry of(Object[] row) {
            OffsetDateTime at = row[2] instanceof OffsetDateTime time ? time : ((Instant) row[2]).atOffset(ZoneOffset.UTC);
            return new Entry(((Number) row[0]).longValue(), Long.parseLong((String) row[1]), at, (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9]);
        }
    }

    /** A position in the feed: the last entry seen and its transaction; opaque to consumers (base64url of "v1:tx:id"). */
    record Cursor(long tx, long id) {

        static final Cursor START = new Cursor(0, 0);

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + tx + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String cursor) {
            try {
                Matcher parts = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
                if (parts.matches()) {
                    return new Cursor(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // not base64, or a number out of range: the same answer as any other cursor this feed never gave
            }
            throw new ServiceException.BadQuery("after", "not a cursor of this feed: send the 'next' of an earlier answer, or nothing to start from the beginning");
        }
    }
}
