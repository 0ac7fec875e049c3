package gov.planmonitor.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /**
     * Fails the abandoned jobs that have used up their attempts (a job that crashes every worker taking it is not
     * retried for ever). Returns how many.
     */
    public int failExhausted(OffsetDateTime now, OffsetDateTime staleBefore, int maxAttempts) {
        return getEntityManager().createNativeQuery("""
                        UPDATE report SET status = 'FAILED', finished_at = :now, version = version + 1,
                               failure_reason = 'abandoned by ' || attempts || ' workers in turn (each stopped while generating it); request the report again'
                        WHERE status = 'RUNNING' AND heartbeat_at < :stale AND attempts >= :max""")
                .setParameter("now", now).setParameter("stale", staleBefore).setParameter("max", maxAttempts).executeUpdate();
    }

    /** Renews a running job's heartbeat while this attempt still holds it; false when another attempt has taken it. */
    public boolean heartbeat(UUID id, int attempt, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("UPDATE report SET heartbeat_at = :now WHERE id = :id AND status = 'RUNNING' AND attempts = :attempt")
                .setParameter("now", now).setParameter("id", id).setParameter("attempt", attempt).executeUpdate() == 1;
    }

    /** The job, locked, if this attempt still holds it (RUNNING under the same attempt number); otherwise empty. */
    public Optional<Report> heldBy(UUID id, int attempt) {
        Report r = getEntityManager().find(Report.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return r != null && r.status == Report.Status.RUNNING && r.attempts == attempt ? Optional.of(r) : Optional.empty();
    }

    /**
     * Puts a job this attempt holds back in the queue, for another replica to take at once: its worker is stopping.
     * The attempt still counts, and a result the stopping worker writes later is dropped (the job is no longer its own).
     */
    public boolean release(UUID id, int attempt) {
        return getEntityManager().createNativeQuery("UPDATE report SET status = 'QUEUED', version = version + 1 WHERE id = :id AND status = 'RUNNING' AND attempts = :attempt")
                .setParameter("id", id).setParameter("attempt", attempt).executeUpdate() == 1;
    }

    /** How many jobs wait and how many are being generated, by every replica together. */
    @SuppressWarnings("unchecked")
    public Map<Report.Status, Long> countUnfinished() {
        Map<Report.Status, Long> counts = new EnumMap<>(Report.Status.class);
        counts.put(Report.Status.QUEUED, 0L);
        counts.put(Report.Status.RUNNING, 0L);
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT status, count(*) FROM report WHERE status IN ('QUEUED', 'RUNNING') GROUP BY status").getResultList();
        rows.forEach(row -> counts.put(Report.Status.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** A job claimed by a worker: which one, and the attempt number the claim made it. */
    public record Claim(UUID id, int attempt) {
    }

    /** The first key of this table's advisory locks on a requester, so they meet no other advisory lock (two-key form). */
    private static final int REQUESTER_LOCK_SPACE = 0x52455051; // "REPQ"

    /**
     * Serialises the quota check of one requester with their other requests until the transaction ends, so two
     * concurrent requests cannot both count the same jobs and both be queued past the limit.
     */
    public void lockRequester(String requester) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:space, hashtext(:requester))) AS locked")
                .setParameter("space", REQUESTER_LOCK_SPACE).setParameter("requester", requester).getSingleResult();
    }

    /** How many of the requester's jobs wait or are being generated (abandoned ones too: they will be taken again). */
    public long countUnfinished(String requester) {
        return ((Number) getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM report WHERE requester = :requester AND status IN ('QUEUED', 'RUNNING')")
                .setParameter("requester", requester).getSingleResult()).longValue();
    }

    /**
     * Claims the next job for this worker, fairly across requesters: a queued job, or one abandoned by a crashed worker.
     * First the requesters with the fewest jobs being generated now (a live heartbeat), so every replica does not work
     * for the same requester; among those, the job whose requester has not been served since it was queued, else the
     * one whose requester was served longest ago (round robin, also for one worker alone); then the oldest. So a
     * requester's 20 queued jobs do not keep another's single job waiting behind them all. SKIP LOCKED lets several
     * replicas poll at once without taking the same job.
     */
    @SuppressWarnings("unchecked")
    public Optional<Claim> claimNext(OffsetDateTime now, OffsetDateTime staleBefore) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        UPDATE report SET status = 'RUNNING', started_at = :now, heartbeat_at = :now, attempts = attempts + 1,
                               version = version + 1
                        WHERE id = (SELECT r.id FROM report r
                                    WHERE r.status = 'QUEUED' OR (r.status = 'RUNNING' AND r.heartbeat_at < :stale)
                                    ORDER BY (SELECT count(*) FROM report o
                                              WHERE o.requester = r.requester AND o.status = 'RUNNING' AND o.heartbeat_at >= :stale),
                                             (SELECT max(o.started_at) FROM report o
                                              WHERE o.requester = r.requester AND o.started_at >= r.created_at) NULLS FIRST,
                                             r.created_at
                                    FOR UPDATE OF r SKIP LOCKED LIMIT 1)
                        RETURNING id, attempts""")
                .setParameter("now", now).setParameter("stale", staleBefore).getResultList();
        return rows.stream().findFirst().map(row -> new Claim((UUID) row[0], ((Number) row[1]).intValue()));
    }

    /** A report's state and structured content (null until it SUCCEEDED), read without the rest of the row. */
    public record Stored(Report.Status status, String failureReason, String content) {
    }

    /** The content in one statement: on the entity it is lazy, and loading it there takes a second one. */
    public Optional<Stored> content(UUID id) {
        return getEntityManager().createQuery("select r.status, r.failureReason, r.content from Report r where r.id = ?1", Object[].class)
                .setParameter(1, id).getResultStream().findFirst()
                .map(row -> new Stored((Report.Status) row[0], (String) row[1], (String) row[2]));
    }

    /** A stored rendition of a report, or null when the format has not been read yet. */
    public byte[] rendition(UUID report, String format) {
        List<?> rows = getEntityManager().createNativeQuery("SELECT body FROM report_rendition WHERE report_id = :id AND format = :format")
                .setParameter("id", report).setParameter("format", format).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /** Stores a rendition unless another reader (another replica) stored one first; the first one stored stays. */
    public void storeRendition(UUID report, String format, byte[] body, String sha256, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO report_rendition (report_id, format, body, sha256, created_at)
                        VALUES (:id, :format, :body, :sha256, :now) ON CONFLICT (report_id, format) DO NOTHING""")
                .setParameter("id", report).setParameter("format", format).setParameter("body", body)
                .setParameter("sha256", sha256).setParameter("now", now).executeUpdate();
    }
}
