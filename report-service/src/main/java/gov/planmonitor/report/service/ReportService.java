package gov.planmonitor.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.planmonitor.report.mapping.ReportDto;
import gov.planmonitor.report.mapping.ReportRequest;
import gov.planmonitor.report.repository.Report;
import gov.planmonitor.report.repository.ReportRepository;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

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

@ApplicationScoped
@Transactional
public class ReportService {

    private static final Map<String, String> SORT_FIELDS = Map.of("createdAt", "createdAt", "type", "type", "status", "status");

    private final ReportRepository reports;
    private final ObjectMapper json;

    public ReportService(ReportRepository reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /** Queues a report; the parameters its type needs are checked now, so a job never fails for a missing one. */
    public ReportDto request(@NotNull @Valid ReportRequest request, String user) {
        ObjectNode params = json.createObjectNode();
        switch (request.type()) {
            case "ANNUAL_EXECUTION" -> {
                if (request.year() == null) {
                    throw new ServiceException.Invalid("year", "an ANNUAL_EXECUTION report needs the year");
                }
                params.put("year", request.year());
            }
            case "PLAN_EVALUATION" -> {
                if (request.plan() == null || request.plan().isBlank()) {
                    throw new ServiceException.Invalid("plan", "a PLAN_EVALUATION report needs the plan code");
                }
                params.put("plan", request.plan().trim());
                if (request.year() != null) {
                    params.put("year", request.year());
                }
            }
            default -> throw new ServiceException.Invalid("type", "report type " + request.type()
                    + " is not available yet; available: ANNUAL_EXECUTION, PLAN_EVALUATION");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.type = Report.Type.valueOf(request.type());
        report.parameters = params.toString();
        report.status = Report.Status.QUEUED;
        report.asOf = request.asOf() == null ? now : request.asOf().withOffsetSameInstant(ZoneOffset.UTC);
        report.createdAt = now;
        report.createdBy = user;
        reports.persist(report);
        return toDto(report);
    }

    public PageDto<ReportDto> list(Integer page, Integer size, String sort, String type, String status) {
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
    public JsonNode content(UUID id) {
        Report report = get(id);
        if (report.status != Report.Status.SUCCEEDED) {
            throw new ServiceException.Conflict("report " + id + " is " + report.status
                    + (report.failureReason == null ? "" : " (" + report.failureReason + ")") + "; its content exists once it SUCCEEDED");
        }
        return parse(report.content);
    }

    public ReportDto toDto(Report r) {
        return new ReportDto(r.id, r.type.name(), parse(r.parameters), r.status.name(), r.failureReason, r.attempts, r.asOf,
                r.contentHash, r.createdAt, r.createdBy, r.startedAt, r.finishedAt);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
