package gov.planmonitor.support.changes;

import gov.planmonitor.support.audit.AuditEntry;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.hibernate.Session;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    private final AuditTrail audit;
    private final Caller caller;
    private final String service;
    private final String typePrefix;
    private final Map<String, ChangeResources.Resource> resources;
    private final Set<String> eventTypes;

    public ChangeFeed(AuditTrail audit, Caller caller, ChangeResources resources,
                      @ConfigProperty(name = "quarkus.application.name") String service) {
        this.audit = audit;
        this.caller = caller;
        this.service = service;
        this.typePrefix = typePrefix(service);
        this.resources = Map.copyOf(resources.resources());
        Set<String> types = new TreeSet<>();
        this.resources.forEach((type, resource) -> resource.actions().forEach(action -> types.add(typePrefix + type + "." + action)));
        this.eventTypes = Collections.unmodifiableSet(types);
    }

    /** gov.planmonitor.indicator. for indicator-service: what every event type of the service starts with. */
    public static String typePrefix(String service) {
        return "gov.planmonitor." + service.replaceFirst("-service$", "") + ".";
    }

    /** Every event type the service announces, e.g. gov.planmonitor.indicator.observation.updated. */
    public Set<String> eventTypes() {
        return eventTypes;
    }

    /** The events after {@code after} (from the start when null), at most {@code limit}, of the given types (all when empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChangePageDto read(String after, Integer limit, String types) {
        caller.require("reading the change feed", Roles.PLANNER, Roles.DEPARTMENT, Roles.REPORTER, Roles.SERVICE);
        Cursor from = after == null || after.isBlank() ? Cursor.START : Cursor.decode("after", after);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ServiceException.BadQuery("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<String> wanted = requestedTypes("types", types);
        List<ChangeEventDto> items = new ArrayList<>();
        Cursor next = from;
        for (Positioned event : page(from, size, wanted)) {
            items.add(event.event());
            next = event.position();
        }
        return new ChangePageDto(items, next.encode());
    }

    /** An event and the feed's position just after it. */
    public record Positioned(ChangeEventDto event, Cursor position) {
    }

    /** The events after {@code from}, at most {@code size}, of the given types (all when empty), for the API. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Positioned> page(Cursor from, int size, Collection<String> types) {
        return AuditEntry.getEntityManager().unwrap(Session.class).doReturningWork(connection -> page(connection, from, size, types));
    }

    /**
     * The same on a connection of the caller's: the webhook worker reads the feed in the transaction that moves a
     * subscription's cursor, and checks no role.
     */
    public List<Positioned> page(Connection connection, Cursor from, int size, Collection<String> types) throws SQLException {
        List<Positioned> events = new ArrayList<>();
        for (Entry entry : entriesAfter(connection, from, size, List.copyOf(types))) {
            ChangeEventDto event = new ChangeEventDto("1.0", Long.toString(entry.id()), "/" + service,
                    typePrefix + entry.resourceType() + "." + entry.action(), subject(entry.resourceType(), entry.resourceId()),
                    entry.occurredAt(), "application/json", audit.state(entry.after()),
                    entry.subjectName() + " (" + entry.subject() + ")", entry.requestId());
            events.add(new Positioned(event, new Cursor(entry.tx(), entry.id())));
        }
        return events;
    }

    /** The position after every change committed so far: where a consumer that wants only what comes next starts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Cursor end() {
        Object xmin = AuditEntry.getEntityManager()
                .createNativeQuery("SELECT CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text)").getSingleResult();
        // Every transaction below xmin has ended; entries of the ones from xmin on are still to come.
        return new Cursor(Long.parseLong((String) xmin) - 1, Long.MAX_VALUE);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]+}");

    /**
     * The resource's API path: the configured path with its placeholders, in order, filled with the parts of the
     * recorded id (e.g. /api/v1/indicators/{code}/observations/{year} and FYP13-01/2017).
     */
    String subject(String resourceType, String resourceId) {
        String[] parts = resourceId.split("/");
        Matcher placeholder = PLACEHOLDER.matcher(resources.get(resourceType).path());
        StringBuilder path = new StringBuilder();
        int part = 0;
        while (placeholder.find()) {
            placeholder.appendReplacement(path, Matcher.quoteReplacement(part < parts.length ? pathSegment(parts[part++]) : placeholder.group()));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

    /** A path segment with everything but RFC 3986's unreserved characters percent-encoded (as UTF-8). */
    private static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** The types asked for, each one this service announces. */
    public List<String> requestedTypes(String parameter, String types) {
        List<String> wanted = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        for (String type : wanted) {
            if (!eventTypes.contains(type)) {
                throw new ServiceException.BadQuery(parameter, "'" + type + "' is not an event type of " + service
                        + "; its types are " + String.join(", ", eventTypes));
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
    private List<Entry> entriesAfter(Connection connection, Cursor from, int size, List<String> types) throws SQLException {
        String sql = """
                SELECT id, CAST(tx_id AS text) AS tx_text, occurred_at, subject, subject_name, resource_type, resource_id,
                       CAST(after_state AS text), request_id, %s
                FROM audit_entry
                WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot()) AND resource_type = ANY (?)
                  AND (tx_id > CAST(? AS xid8) OR (tx_id = CAST(? AS xid8) AND id > ?))
                  %s
                ORDER BY audit_entry.tx_id, audit_entry.id LIMIT ?""".formatted(ACTION, types.isEmpty() ? "" : "AND ? || resource_type || '.' || " + ACTION + " = ANY (?)");
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int p = 1;
            query.setArray(p++, connection.createArrayOf("text", resources.keySet().toArray()));
            query.setString(p++, Long.toString(from.tx()));
            query.setString(p++, Long.toString(from.tx()));
            query.setLong(p++, from.id());
            if (!types.isEmpty()) {
                query.setString(p++, typePrefix);
                query.setArray(p++, connection.createArrayOf("text", types.toArray()));
            }
            query.setInt(p, size);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    entries.add(new Entry(row.getLong(1), Long.parseLong(row.getString(2)), row.getObject(3, OffsetDateTime.class),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                            row.getString(10)));
                }
            }
            return entries;
        }
    }

    private record Entry(long id, long tx, OffsetDateTime occurredAt, String subject, String subjectName, String resourceType,
                         String resourceId, String after, String requestId, String action) {
    }

    /** A position in the feed: the last entry seen and its transaction; opaque to consumers (base64url of "v1:tx:id"). */
    public record Cursor(long tx, long id) {

        public static final Cursor START = new Cursor(0, 0);

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + tx + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** The cursor a consumer sent as {@code parameter}; 400 when this feed never gave it. */
        public static Cursor decode(String parameter, String cursor) {
            try {
                Matcher parts = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
                if (parts.matches()) {
                    return new Cursor(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)));
                }
            } catch (IllegalArgumentException e) {
                // not base64, or a number out of range: the same answer as any other cursor this feed never gave
            }
            throw new ServiceException.BadQuery(parameter, "not a cursor of this feed: send the 'next' of an earlier answer, or nothing to start from the beginning");
        }
    }
}
