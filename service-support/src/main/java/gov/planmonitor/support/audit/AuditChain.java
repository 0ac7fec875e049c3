package gov.planmonitor.support.audit;

import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Walks the audit trail's hash chain (db/audit/V2_5__audit_chain.sql keeps it): in chain order, each entry must sit at
 * the next position, name its predecessor's hash, and hash to what it holds; the head row must name the last entry.
 * The database recomputes each hash with the same function that made it, so the rule is written once.
 */
@ApplicationScoped
public class AuditChain {

    private static final byte[] GENESIS = new byte[32];
    private static final int FETCH = 1_000;

    private final Caller caller;

    public AuditChain(Caller caller) {
        this.caller = caller;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditVerificationDto verify() {
        caller.require("verifying the audit trail", Roles.ADMIN);
        return AuditEntry.getEntityManager().unwrap(Session.class).doReturningWork(AuditChain::walk);
    }

    /** A walk of the chain on a connection whose transaction has run nothing yet. */
    static AuditVerificationDto walk(Connection connection) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // The head and the entries from one snapshot: a write committing meanwhile is in both or in neither.
        try (var statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        long headSeq;
        byte[] headHash;
        try (PreparedStatement head = connection.prepareStatement("SELECT seq, hash FROM audit_chain_head");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return new AuditVerificationDto(false, 0, null, null, "the chain's head is missing", 0, "", now);
            }
            headSeq = row.getLong(1);
            headHash = row.getBytes(2);
        }
        String hex = HexFormat.of().formatHex(headHash);
        long expected = 1;
        byte[] previous = GENESIS;
        try (PreparedStatement entries = connection.prepareStatement(
                "SELECT e.chain_seq, e.id, e.previous_hash, e.entry_hash, audit_entry_digest(e, e.previous_hash) FROM audit_entry e ORDER BY e.chain_seq")) {
            entries.setFetchSize(FETCH);
            try (ResultSet row = entries.executeQuery()) {
                while (row.next()) {
                    long seq = row.getLong(1);
                    long id = row.getLong(2);
                    String problem = null;
                    long at = seq;
                    if (seq > expected) {
                        long gap = seq - expected;
                        problem = gap == 1 ? "the entry before it (position " + expected + ") is missing"
                                : "the " + gap + " entries before it (positions " + expected + " to " + (seq - 1) + ") are missing";
                        at = expected;
                    } else if (seq < expected) {
                        problem = "it repeats position " + seq;
                    } else if (!Arrays.equals(row.getBytes(3), previous)) {
                        problem = "it does not name the hash of the entry before it";
                    } else if (!Arrays.equals(row.getBytes(4), row.getBytes(5))) {
                        problem = "its content was changed after it was recorded";
                    }
                    if (problem != null) {
                        return new AuditVerificationDto(false, expected - 1, id, at, problem, headSeq, hex, now);
                    }
                    previous = row.getBytes(4);
                    expected++;
                }
            }
        }
        long last = expected - 1;
        if (headSeq != last || !Arrays.equals(headHash, previous)) {
            String problem = headSeq > last ? "the newest " + (headSeq - last == 1 ? "entry (position " + headSeq + ") is" : (headSeq - last) + " entries (positions "
                    + (last + 1) + " to " + headSeq + ") are") + " missing"
                    : "the chain's head does not name the last entry";
            return new AuditVerificationDto(false, last, null, headSeq > last ? last + 1 : null, problem, headSeq, hex, now);
        }
        return new AuditVerificationDto(true, last, null, null, null, headSeq, hex, now);
    }
}
