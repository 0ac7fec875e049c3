package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.client.Downstream;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes queued reports from PostgreSQL and generates them. Any number of replicas may run this: a job is claimed
 * with FOR UPDATE SKIP LOCKED, and one left RUNNING by a crashed worker is claimed again once its heartbeat is stale.
 * A job either SUCCEEDS with all its data and content, or FAILS with the reason; never half a report. While it
 * generates, the worker renews the job's heartbeat, and it writes the outcome only if the job is still its own (still
 * RUNNING under the attempt it claimed): a job taken over by another replica is never overwritten. A job abandoned
 * {@code report.worker.max-attempts} times is FAILED rather than taken again.
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

    /** Renews the heartbeats of the jobs being generated; daemon, so it never keeps the JVM alive. */
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(every = "${report.worker.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void poll() {
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int failed = reports.failExhausted(now, now.minus(config.worker().staleAfter()), config.worker().maxAttempts());
            if (failed > 0) {
                LOG.warnf("%d report job(s) abandoned %d times were failed", failed, config.worker().maxAttempts());
            }
        });
        for (int i = 0; i < 10; i++) {
            Optional<ReportRepository.Claim> claimed = QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                return reports.claimNext(now, now.minus(config.worker().staleAfter()));
            });
            if (claimed.isEmpty()) {
                return;
            }
            generate(claimed.get().id(), claimed.get().attempt());
        }
    }

    /** Generates the job as the given attempt; public so tests can play a worker whose claim was taken over. */
    public void generate(UUID id, int attempt) {
        long every = Math.max(1, config.worker().staleAfter().toMillis() / 3);
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> reports.heartbeat(id, attempt, OffsetDateTime.now(ZoneOffset.UTC)));
            } catch (RuntimeException e) {
                LOG.warnf("heartbeat of report %s failed: %s", id, e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            run(id, attempt);
        } finally {
            beat.cancel(false);
        }
    }

    private void run(UUID id, int attempt) {
        Report job = QuarkusTransaction.requiringNew().call(() -> reports.findById(id));
        String asOf = job.asOf.toString();
        try {
            JsonNode params = json.readTree(job.parameters);
            ObjectNode data = generator.fetch(job.type.name(), params, asOf);
            String pinned = json.writeValueAsString(data);
            String content = json.writeValueAsString(generator.render(job.type.name(), data));
            QuarkusTransaction.requiringNew().run(() -> reports.heldBy(id, attempt).ifPresentOrElse(r -> {
                r.pinnedData = pinned;
                r.content = content;
                r.contentHash = ReportService.sha256(content);
                r.status = Report.Status.SUCCEEDED;
                r.failureReason = null;
                r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }, () -> LOG.warnf("report %s: attempt %d finished after another attempt took the job over; its result is dropped", id, attempt)));
        } catch (ReportGenerator.Refused e) {
            fail(id, attempt, e.getMessage());
        } catch (Downstream.Unavailable e) {
            LOG.warnf("report %s failed: %s", id, e.getMessage());
            fail(id, attempt, e.getMessage() + "; request the report again once it is back");
        } catch (Exception e) {
            LOG.warnf("report %s failed: %s", id, e.toString());
            fail(id, attempt, "a service the report is built from did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); request the report again later");
        }
    }

    private void fail(UUID id, int attempt, String reason) {
        QuarkusTransaction.requiringNew().run(() -> reports.heldBy(id, attempt).ifPresent(r -> {
            r.status = Report.Status.FAILED;
            r.failureReason = reason.length() > 3900 ? reason.substring(0, 3900) : reason;
            r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }));
    }
}
