package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.config.ReportConfig;
import gov.planmonitor.report.repository.Report;
import gov.planmonitor.report.repository.ReportRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes queued reports from PostgreSQL and generates them. Any number of replicas may run this: a job is claimed
 * with FOR UPDATE SKIP LOCKED, and one left RUNNING by a crashed worker is claimed again once its heartbeat is stale.
 * A job either SUCCEEDS with all its data and content, or FAILS with the reason; never half a report.
 */
@ApplicationScoped
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class);

    private final ReportRepository reports;
    private final ReportGenerator generator;
    private final ReportConfig config;
    private final ObjectMapper json;

    public ReportWorker(ReportRepository reports, ReportGenerator generator, ReportConfig config, ObjectMapper json) {
        this.reports = reports;
        this.generator = generator;
        this.config = config;
        this.json = json;
    }

    @Scheduled(every = "${report.worker.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void poll() {
        for (int i = 0; i < 10; i++) {
            Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                return reports.claimNext(now, now.minus(config.worker().staleAfter()));
            });
            if (claimed.isEmpty()) {
                return;
            }
            generate(claimed.get());
        }
    }

    void generate(UUID id) {
        Report job = QuarkusTransaction.requiringNew().call(() -> reports.findById(id));
        String asOf = job.asOf.toString();
        try {
            JsonNode params = json.readTree(job.parameters);
            ObjectNode data = generator.fetch(job.type.name(), params, asOf);
            String pinned = json.writeValueAsString(data);
            String content = json.writeValueAsString(generator.render(job.type.name(), data));
            QuarkusTransaction.requiringNew().run(() -> {
                Report r = reports.findById(id);
                r.pinnedData = pinned;
                r.content = content;
                r.contentHash = ReportService.sha256(content);
                r.status = Report.Status.SUCCEEDED;
                r.failureReason = null;
                r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            });
        } catch (ReportGenerator.Refused e) {
            fail(id, e.getMessage());
        } catch (Exception e) {
            LOG.warnf("report %s failed: %s", id, e.toString());
            fail(id, "a service the report is built from did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); request the report again later");
        }
    }

    private void fail(UUID id, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Report r = reports.findById(id);
            r.status = Report.Status.FAILED;
            r.failureReason = reason.length() > 3900 ? reason.substring(0, 3900) : reason;
            r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        });
    }
}
