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
}
