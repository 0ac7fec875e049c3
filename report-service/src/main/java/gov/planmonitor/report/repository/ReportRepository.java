package gov.planmonitor.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /**
     * Claims the oldest queued job, or one abandoned by a crashed worker, for this worker. SKIP LOCKED lets
     * several replicas poll at once without taking the same job.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimNext(OffsetDateTime now, OffsetDateTime staleBefore) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        UPDATE report SET status = 'RUNNING', started_at = :now, heartbeat_at = :now, attempts = attempts + 1,
                               version = version + 1
                        WHERE id = (SELECT id FROM report
                                    WHERE status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < :stale)
                                    ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
                        RETURNING id""", UUID.class)
                .setParameter("now", now).setParameter("stale", staleBefore).getResultList();
        return ids.stream().findFirst();
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
