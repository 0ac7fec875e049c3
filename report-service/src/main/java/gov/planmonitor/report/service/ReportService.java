package gov.planmonitor.report.service;

import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.planmonitor.report.client.Downstream;
import gov.planmonitor.report.client.Plan;
import gov.planmonitor.report.mapping.ReportContentDto;
import gov.planmonitor.report.mapping.ReportDiffDto;
import gov.planmonitor.report.mapping.ReportDto;
import gov.planmonitor.report.mapping.ReportParameters;
import gov.planmonitor.report.mapping.ReportRequest;
import gov.planmonitor.report.render.ReportFormat;
import gov.planmonitor.report.render.ReportRenderer;
import gov.planmonitor.report.repository.Report;
import gov.planmonitor.report.repository.ReportRepository;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

@ApplicationScoped
@Transactional
public class ReportService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ReportService.class);

    private static final Map<String, String> SORT_FIELDS = Map.of("createdAt", "createdAt", "type", "type", "status", "status");

    private final ReportRepository reports;
    private final ObjectMapper json;
    private final Downstream downstream;
    private final ReportRenderer renderer;
    private final Caller caller;
    private final AuditTrail audit;
    private final int jobsPerRequester;

    /** What a requester at the quota is told to wait before asking again: about a report's generation time. */
    static final int QUOTA_RETRY_AFTER_SECONDS = 30;

    public ReportService(ReportRepository reports, ObjectMapper json, Downstream downstream, ReportRenderer renderer, Caller caller, AuditTrail audit,
                         @ConfigProperty(name = "planmonitor.limits.report-jobs-per-requester", defaultValue = "20") int jobsPerRequester) {
        this.jobsPerRequester = jobsPerRequester;
        this.caller = caller;
        this.audit = audit;
        this.reports = reports;
        this.json = json;
        this.downstream = downstream;
        this.renderer = renderer;
    }

    /**
     * Queues a report. The parameters its type needs, and that the plan, department or list they name exist, are
     * checked now with the other services, so a job fails only when a service fails, never for a bad request. A
     * requester may have {@code planmonitor.limits.report-jobs-per-requester} jobs waiting or being generated; past that
     * the request is refused with 429 (checked before the other services are asked, and again under a lock on the
     * requester just before the job is queued, so concurrent requests cannot pass it together).
     */
    public ReportDto request(@NotNull @Valid ReportRequest request, String user) {
        caller.require("requesting a report", Roles.REPORTER);
        String requester = requester();
        // A requester at the quota is refused before the other services are asked; in a transaction of its own, so no
        // connection is held while they answer.
        checkQuota(QuarkusTransaction.requiringNew().call(() -> reports.countUnfinished(requester)));
        ReportParameters params;
        try {
            switch (request.type()) {
                case "ANNUAL_EXECUTION" -> {
                    int year = require(request.year(), "year", "an ANNUAL_EXECUTION report needs the year");
                    List<Plan> plans = downstream.annualPlans(year).items();
                    if (plans == null || plans.isEmpty()) {
                        throw new ServiceException.Invalid("year", "the indicator service has no annual plan for " + year);
                    }
                    params = new ReportParameters(plans.get(0).code(), year, null, null);
                }
                case "PLAN_EVALUATION" -> params = planAndYear(require(request.plan(), "plan", "a PLAN_EVALUATION report needs the plan code"),
                        request.year(), null);
                case "DEPARTMENT_SCORECARD" -> {
                    String department = require(request.department(), "department", "a DEPARTMENT_SCORECARD report needs the department code");
                    String plan = require(request.plan(), "plan", "a DEPARTMENT_SCORECARD report needs the plan code");
                    exists(() -> downstream.department(department), "department");
                    params = planAndYear(plan, request.year(), department);
                }
                case "OVERSIGHT" -> {
                    String plan = require(request.plan(), "plan", "an OVERSIGHT report needs the plan code");
                    exists(() -> downstream.plan(plan), "plan");
                    params = new ReportParameters(plan, null, null, null);
                }
                default -> {
                    String list = require(request.list(), "list", "a PROJECT_PROGRESS report needs the project list code");
                    exists(() -> downstream.projectList(list), "list");
                    params = new ReportParameters(null, request.year(), null, list);
                }
            }
        } catch (ServiceException e) {
            throw e;
        } catch (Downstream.Unavailable e) {
            throw new ServiceException.Unavailable("cannot check the report's parameters: " + e.getMessage() + "; try again later");
        } catch (RuntimeException e) {
            // Circuit open, a fault-tolerance timeout: the caller needs to know to retry, not which class was thrown.
            LOG.warnf(e, "checking a report's parameters failed");
            throw new ServiceException.Unavailable("cannot check the report's parameters: a service the report is built from did not answer; try again later");
        }
        reports.lockRequester(requester);
        checkQuota(reports.countUnfinished(requester));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.type = Report.Type.valueOf(request.type());
        report.parameters = write(params);
        report.status = Report.Status.QUEUED;
        report.asOf = request.asOf() == null ? now : request.asOf().withOffsetSameInstant(ZoneOffset.UTC);
        report.createdAt = now;
        report.createdBy = user;
        report.requester = requester;
        reports.persist(report);
        ReportDto queued = toDto(report);
        audit.record("report", report.id.toString(), null, queued);
        return queued;
    }

    /** The caller's token subject, as the report table keeps it. */
    private String requester() {
        String subject = caller.subject();
        return subject.length() > 255 ? subject.substring(0, 255) : subject;
    }

    private void checkQuota(long unfinished) {
        if (unfinished >= jobsPerRequester) {
            throw new ServiceException.TooManyRequests("you have " + unfinished + " report " + (unfinished == 1 ? "job" : "jobs")
                    + " waiting or being generated, the most one requester may have (" + jobsPerRequester + "); wait for them to "
                    + "finish (SUCCEEDED or FAILED) before requesting more", QUOTA_RETRY_AFTER_SECONDS);
        }
    }

    /** The plan's code with the year asked for, checked to lie in the plan's period, or the plan's last year. */
    private ReportParameters planAndYear(String code, Integer year, String department) {
        Plan plan = exists(() -> downstream.plan(code), "plan");
        int start = plan.startYear() == null ? 0 : plan.startYear();
        int end = plan.endYear() == null ? 0 : plan.endYear();
        if (year != null && (year < start || year > end)) {
            throw new ServiceException.Invalid("year", "plan " + code + " runs from " + start + " to " + end + "; " + year + " is outside it");
        }
        return new ReportParameters(code, year == null ? end : year, department, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T require(T value, String field, String message) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new ServiceException.Invalid(field, message);
        }
        return value instanceof String text ? (T) text.trim() : value;
    }

    private static <T> T exists(Supplier<T> lookup, String field) {
        try {
            return lookup.get();
        } catch (Downstream.NotFound e) {
            throw new ServiceException.Invalid(field, e.getMessage());
        }
    }

    public PageDto<ReportDto> list(Integer page, Integer size, String sort, String type, String status, OffsetDateTime updatedSince) {
        PageRequest request = PageRequest.of(page, size, sort, 20, 200, SORT_FIELDS, "-createdAt");
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        try {
            if (type != null) {
                where.add("type = :type");
                params.and("type", Report.Type.valueOf(type));
            }
        } catch (IllegalArgumentException e) {
            throw new ServiceException.BadQuery("type", "type must be one of " + List.of(Report.Type.values()));
        }
        try {
            if (status != null) {
                where.add("status = :status");
                params.and("status", Report.Status.valueOf(status));
            }
        } catch (IllegalArgumentException e) {
            throw new ServiceException.BadQuery("status", "status must be one of " + List.of(Report.Status.values()));
        }
        if (updatedSince != null) {
            // A report changes when it is requested and when its job finishes.
            where.add("(createdAt >= :since or finishedAt >= :since)");
            params.and("since", updatedSince);
        }
        PanacheQuery<Report> query = where.isEmpty() ? reports.findAll(request.sort()) : reports.find(String.join(" and ", where), request.sort(), params);
        return new PageDto<>(query.page(Page.of(request.page(), request.size())).list().stream().map(this::toDto).toList(),
                query.count(), request.page(), request.size());
    }

    public Report get(UUID id) {
        return reports.findByIdOptional(id).orElseThrow(() -> new ServiceException.NotFound("no report " + id));
    }

    public ReportDto view(UUID id) {
        return toDto(get(id));
    }

    /** The structured content of a finished report. */
    public ReportContentDto content(UUID id) {
        ReportRepository.Stored report = reports.content(id).orElseThrow(() -> new ServiceException.NotFound("no report " + id));
        if (report.status() != Report.Status.SUCCEEDED) {
            throw new ServiceException.Conflict("report " + id + " is " + report.status()
                    + (report.failureReason() == null ? "" : " (" + report.failureReason() + ")") + "; its content exists once it SUCCEEDED");
        }
        return read(report.content(), ReportContentDto.class);
    }

    /**
     * A finished report in a format: rendered on its first read and stored, so every later read (by any replica, after
     * any upgrade of the renderers) returns the same bytes.
     */
    public byte[] rendition(UUID id, ReportFormat format) {
        byte[] stored = reports.rendition(id, format.name());
        if (stored != null) {
            return stored;
        }
        byte[] body = renderer.render(content(id), format);
        reports.storeRendition(id, format.name(), body, sha256(body), OffsetDateTime.now(ZoneOffset.UTC));
        // Another replica may have stored its rendition first; that one is the report from now on.
        return reports.rendition(id, format.name());
    }

    /** What changed from one finished report to another. */
    public ReportDiffDto diff(UUID fromId, UUID toId) {
        Report from = get(fromId);
        Report to = get(toId);
        List<ReportDiffDto.ChangeDto> changes = ReportDiff.between(content(fromId), content(toId));
        return new ReportDiffDto(ref(from), ref(to), from.contentHash.equals(to.contentHash), changes);
    }

    private ReportDiffDto.ReportRefDto ref(Report r) {
        return new ReportDiffDto.ReportRefDto(r.id, r.type.name(), parameters(r), r.asOf, r.contentHash);
    }

    public ReportDto toDto(Report r) {
        return new ReportDto(r.id, r.type.name(), parameters(r), r.status.name(), r.failureReason, r.attempts, r.asOf,
                r.contentHash, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }

    /** The report's stored parameters, as checked and completed when it was requested. */
    public ReportParameters parameters(Report r) {
        return read(r.parameters, ReportParameters.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON does not serialize", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
