package gov.planmonitor.support.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.support.audit.AuditEntry;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
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

    private final ObjectMapper json;
    private final Caller caller;
    private final String service;
    private final String typePrefix;

    public ChangeFeed(ObjectMapper json, Caller caller, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.json = json;
        this.caller = caller;
        this.service = service;
        this.typePrefix = "gov.planmonitor." + service.replaceFirst("-service$", "") + ".";
    }

    /** The events after {@code after} (from the start when null), at most {@code limit}, of the given types (all when empty). */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public ChangePageDto read(String after, Integer limit, String types) {
        caller.require("reading the change feed", Roles.PLANNER, Roles.DEPARTMENT, Roles.REPORTER, Roles.SERVICE);
        long[] from = after == null || after.isBlank() ? new long[]{0, 0} : decode(after);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new ServiceException.BadQuery("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<String> wanted = types == null || types.isBlank() ? List.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        for (String type : wanted) {
            if (!TYPE.matcher(type).matches()) {
                throw new ServiceException.BadQuery("types", "'" + type + "' is not an event type, e.g. " + typePrefix + "plan.created");
            }
        }
        String action = "CASE WHEN before_state IS NULL THEN 'created' WHEN after_state IS NULL THEN 'deleted' ELSE 'updated' END";
        StringBuilder sql = new StringBuilder("""
                SELECT id, CAST(tx_id AS text), occurred_at, subject, subject_name, resource_type, resource_id,
                       CAST(after_state AS text), request_id, %s
                FROM audit_entry
                WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
                  AND (tx_id > CAST(CAST(:tx AS text) AS xid8) OR (tx_id = CAST(CAST(:tx AS text) AS xid8) AND id > :id))
                """.formatted(action));
        if (!wanted.isEmpty()) {
            sql.append("  AND :prefix || resource_type || '.' || ").append(action).append(" IN (:types)\n");
        }
        sql.append("ORDER BY tx_id, id LIMIT :limit");
        Query query = AuditEntry.getEntityManager().createNativeQuery(sql.toString())
                .setParameter("tx", Long.toString(from[0])).setParameter("id", from[1]).setParameter("limit", size);
        if (!wanted.isEmpty()) {
            query.setParameter("prefix", typePrefix).setParameter("types", wanted);
        }
        List<Object[]> rows = query.getResultList();
        List<ChangeEventDto> items = new ArrayList<>();
        String next = after == null || after.isBlank() ? encode(0, 0) : after;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            long tx = Long.parseLong((String) row[1]);
            OffsetDateTime time = row[2] instanceof OffsetDateTime t ? t : ((java.time.Instant) row[2]).atOffset(ZoneOffset.UTC);
            items.add(new ChangeEventDto("1.0", Long.toString(id), "/" + service, typePrefix + row[5] + "." + row[9],
                    row[5] + "/" + row[6], time, "application/json", read((String) row[7]), row[4] + " (" + row[3] + ")", (String) row[8]));
            next = encode(tx, id);
        }
        return new ChangePageDto(items, next);
    }

    static String encode(long tx, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + tx + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    private static long[] decode(String cursor) {
        try {
            Matcher parts = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII));
            if (parts.matches()) {
                return new long[]{Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2))};
            }
        } catch (IllegalArgumentException e) {
            // not base64, or a number out of range: the same answer as any other cursor this feed never gave
        }
        throw new ServiceException.BadQuery("after", "not a cursor of this feed: send the 'next' of an earlier answer, or nothing to start from the beginning");
    }

    private JsonNode read(String state) {
        try {
            return state == null ? null : json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entry holds invalid JSON", e);
        }
    }
}
