package gov.planmonitor.report.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.report.client.Downstream;
import gov.planmonitor.report.config.ReportConfig;
import gov.planmonitor.report.mapping.ReportDto;
import gov.planmonitor.report.repository.Report;
import gov.planmonitor.report.repository.ReportRepository;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.audit.RequestInfoFilter;
import gov.planmonitor.support.jobs.JobRunner;
import gov.planmonitor.support.jobs.LeasedJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes queued reports from PostgreSQL and generates them. Any number of replicas may run this: a job is claimed
 * with FOR UPDATE SKIP LOCKED, and one left RUNNING by a crashed worker is claimed again once its heartbeat is stale.
 * A job either SUCCEEDS with all its data and content, or FAILS with the reason; never half a report. The reason is
 * for the report's reader: what could not be read and what to do, quoting the job's request id
 * ({@code report-job-<id>-<attempt>}), never a host, URL, port or exception; the log lines of the job carry that id
 * and the internal detail. While it generates, the worker renews the job's heartbeat, and it writes the outcome only
 * if the job is still its own (still RUNNING under the attempt it claimed): a job taken over by another replica is
 * never overwritten. A job abandoned {@code report.worker.max-attempts} times is FAILED rather than taken again. A
 * replica that is stopping (SIGTERM) claims nothing more and puts the jobs it is generating back in the queue, so
 * another replica takes them at once instead of after the heartbeat goes stale. The claiming, heartbeat, attempt cap
 * and hand-back are the shared {@link JobRunner}'s; this class says what they mean for a report.
 *
 * <p>Metrics: {@code planmonitor_report_jobs{status}} (queued and running, all replicas together, as this replica last
 * counted them) and {@code planmonitor_report_generation_seconds{type,outcome}}.
 */
@ApplicationScoped
public class ReportWorker {

    private static final Logger LOG = Logger.getLogger(ReportWorker.class);

    private final ReportRepository reports;
    private final ReportGenerator generator;
    private final ReportConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final AuditTrail audit;
    private final ReportService service;
    private final Map<Report.Status, AtomicLong> unfinished = new EnumMap<>(Report.Status.class);
    /**
     * One job at a time per replica, as the queue's fairness wants (each claim counts the jobs running now), with the
     * heartbeat renewed every third of stale-after; the jobs in flight go back to the queue at once when it stops.
     */
    private final JobRunner<ReportRepository.Claim> runner;

    public ReportWorker(ReportRepository reports, ReportGenerator generator, ReportConfig config, ObjectMapper json,
                        MeterRegistry registry, AuditTrail audit, ReportService service) {
        this.reports = reports;
        this.generator = generator;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.audit = audit;
        this.service = service;
        for (Report.Status status : List.of(Report.Status.QUEUED, Report.Status.RUNNING)) {
            AtomicLong count = new AtomicLong();
            unfinished.put(status, count);
            Gauge.builder("planmonitor.report.jobs", count, AtomicLong::get).tag("status", status.name())
                    .description("Report jobs waiting (QUEUED) or being generated (RUNNING), by all replicas").register(registry);
        }
        Duration beat = Duration.ofMillis(Math.max(1, config.worker().staleAfter().toMillis() / 3));
        this.runner = new JobRunner<>("report-job", new Jobs(), new JobRunner.Settings(1, beat, config.worker().maxAttempts(), Duration.ZERO));
    }

    @Scheduled(every = "${report.worker.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1s")
    void poll() {
        runner.poll();
    }

    /**
     * Generates the job as the given attempt, its heartbeat renewed meanwhile; public so tests can play a worker whose
     * claim was taken over.
     */
    public void generate(UUID id, int attempt) {
        runner.run(new ReportRepository.Claim(id, attempt));
    }

    /** SIGTERM: claim nothing more, and hand the jobs in flight back to the queue for the other replicas. */
    void stop(@Observes ShutdownEvent shutdown) {
        runner.stop();
    }

    /**
     * One attempt at a job. With tracing on, the job is a trace of its own (a span "report job" with the report's id),
     * and its reads of the other services are its child spans.
     */
    @WithSpan("report job")
    void attempt(@SpanAttribute("report.id") UUID id, @SpanAttribute("report.attempt") int attempt) {
        run(id, attempt);
    }

    /** The report table as a queue of leased jobs: a claim is a RUNNING row under its attempt, the lease its heartbeat. */
    private final class Jobs implements LeasedJobs<ReportRepository.Claim> {

        @Override
        public int failExhausted(int maxAttempts) {
            return QuarkusTransaction.requiringNew().call(() -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                return reports.failExhausted(now, now.minus(config.worker().staleAfter()), maxAttempts);
            });
        }

        @Override
        public void prepare() {
            QuarkusTransaction.requiringNew().run(() -> reports.countUnfinished().forEach((status, count) -> unfinished.get(status).set(count)));
        }

        @Override
        public List<ReportRepository.Claim> claim(int limit) {
            List<ReportRepository.Claim> claims = new ArrayList<>();
            while (claims.size() < limit) {
                Optional<ReportRepository.Claim> claimed = QuarkusTransaction.requiringNew().call(() -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    return reports.claimNext(now, now.minus(config.worker().staleAfter()));
                });
                if (claimed.isEmpty()) {
                    break;
                }
                claims.add(claimed.get());
            }
            return claims;
        }

        @Override
        public boolean renew(ReportRepository.Claim job) {
            return QuarkusTransaction.requiringNew().call(() -> reports.heartbeat(job.id(), job.attempt(), OffsetDateTime.now(ZoneOffset.UTC)));
        }

        @Override
        public Optional<ReportRepository.Claim> run(ReportRepository.Claim job) {
            attempt(job.id(), job.attempt());
            return Optional.empty();
        }

        @Override
        public boolean release(ReportRepository.Claim job) {
            return QuarkusTransaction.requiringNew().call(() -> reports.release(job.id(), job.attempt()));
        }

        @Override
        public String describe(ReportRepository.Claim job) {
            return "report " + job.id() + " (attempt " + job.attempt() + ")";
        }
    }

    private void run(UUID id, int attempt) {
        // The job's request id: in every log line of the job, in the audit trail's entry for its outcome, and quoted in
        // its failure reason, so an operator finds what went wrong from what the reader sees.
        String requestId = requestId(id, attempt);
        Object outer = MDC.get(RequestInfoFilter.REQUEST_ID_LOG_KEY);
        MDC.put(RequestInfoFilter.REQUEST_ID_LOG_KEY, requestId);
        try {
            run(id, attempt, requestId);
        } finally {
            if (outer == null) {
                MDC.remove(RequestInfoFilter.REQUEST_ID_LOG_KEY);
            } else {
                MDC.put(RequestInfoFilter.REQUEST_ID_LOG_KEY, outer);
            }
        }
    }

    /** The request id of an attempt at a job, as the audit trail records it. */
    static String requestId(UUID id, int attempt) {
        return "report-job-" + id + "-" + attempt;
    }

    private void run(UUID id, int attempt, String requestId) {
        Report job = QuarkusTransaction.requiringNew().call(() -> reports.findById(id));
        String asOf = job.asOf.toString();
        Timer.Sample generation = Timer.start(registry);
        String outcome = "failed";
        try {
            PinnedData data = generator.fetch(job.type.name(), service.parameters(job), asOf);
            String pinned = json.writeValueAsString(data);
            // The content is rendered from the pinned data as stored, so rendering the stored row again gives it again.
            String content = json.writeValueAsString(generator.render(job.type.name(), json.readValue(pinned, PinnedData.class)));
            QuarkusTransaction.requiringNew().run(() -> reports.heldBy(id, attempt).ifPresentOrElse(r -> {
                ReportDto before = service.toDto(r);
                r.pinnedData = pinned;
                r.content = content;
                r.contentHash = ReportService.sha256(content);
                r.status = Report.Status.SUCCEEDED;
                r.failureReason = null;
                r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
                recordOutcome(r, attempt, before, "succeeded");
            }, () -> LOG.warnf("report %s: attempt %d finished after another attempt took the job over; its result is dropped", id, attempt)));
            outcome = "succeeded";
        } catch (ReportGenerator.Refused e) {
            LOG.infof("report %s (request id %s) refused: %s", id, requestId, e.getMessage());
            fail(id, attempt, "The report could not be built: " + e.getMessage() + ".");
        } catch (Downstream.Unavailable e) {
            // The reason says what happened in words a reader can act on; the log has the URL, status and error.
            LOG.warnf(e, "report %s (request id %s) failed: %s", id, requestId, e.detail());
            fail(id, attempt, "The report could not be built: " + e.getMessage() + ". " + (e.why().isTransient()
                    ? "Request the report again later; if it keeps failing, tell the administrator, quoting request id " + requestId + "."
                    : "Tell the administrator, quoting request id " + requestId + "."));
        } catch (Exception e) {
            LOG.errorf(e, "report %s (request id %s) failed", id, requestId);
            fail(id, attempt, "The report could not be built because of an error in the report service. Tell the administrator, "
                    + "quoting request id " + requestId + ".");
        } finally {
            generation.stop(Timer.builder("planmonitor.report.generation").tag("type", job.type.name()).tag("outcome", outcome)
                    .description("Time to generate a report job, from claim to stored result").publishPercentileHistogram()
                    .register(registry));
        }
    }

    private void fail(UUID id, int attempt, String reason) {
        QuarkusTransaction.requiringNew().run(() -> reports.heldBy(id, attempt).ifPresent(r -> {
            ReportDto before = service.toDto(r);
            r.status = Report.Status.FAILED;
            r.failureReason = reason.length() > 3900 ? reason.substring(0, 3900) : reason;
            r.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            recordOutcome(r, attempt, before, "failed");
        }));
    }

    /**
     * The job's outcome in the audit trail, in the outcome's own transaction: the change feed announces it as
     * report.succeeded or report.failed, so a portal can publish a report as soon as it exists.
     */
    private void recordOutcome(Report report, int attempt, ReportDto before, String action) {
        audit.recordOwn("report-service", "generateReport", "/api/v1/reports/" + report.id, requestId(report.id, attempt),
                "report", report.id.toString(), before, service.toDto(report), action);
    }
}
