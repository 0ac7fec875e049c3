package gov.planmonitor.indicator.transfer;

import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.plans.PlanRepository;
import gov.planmonitor.indicator.tasks.PlanTask;
import gov.planmonitor.indicator.tasks.TaskRepository;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.CursorRows;
import gov.planmonitor.support.tabular.Tabular;
import gov.planmonitor.support.tabular.Transfers;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static gov.planmonitor.indicator.indicators.IndicatorMapper.strip;
import gov.planmonitor.indicator.indicators.IndicatorService;

/**
 * Export in the import's own tables, so that export then import round-trips. The rows are read through a database
 * cursor while the file is written ({@link CursorRows}): the response is written after the resource method has
 * returned, so {@link #write} runs then, in a read-only transaction of its own that lasts as long as the writing. The
 * alternative, reading every entity inside the resource method and writing afterwards, would hold whole tables in
 * memory, which is what exporting this way avoids. Its price: an export holds a database connection while it is
 * written, a slow reader's pace included (at most {@link #TIMEOUT_SECONDS}), one reason exports need a token by default.
 */
@ApplicationScoped
@Transactional
public class ExportService implements Transfers.Source {

    /** Longest an export may take, the client's reading included; past it the transaction ends and the file is cut short. */
    static final int TIMEOUT_SECONDS = 600;

    /** Plans in the order of the export: by start year, a five-year plan before its annual plans, by code. */
    private static final String PLAN_ORDER = "p.startYear, p.kind desc, p.code";

    private final PlanRepository plans;
    private final EntityManager em;
    private final BureauClock clock;

    public ExportService(PlanRepository plans, EntityManager em, BureauClock clock) {
        this.plans = plans;
        this.em = em;
        this.clock = clock;
    }

    /** A plan filter naming nothing is a bad query (400, as the lists answer), not a missing resource: the path names none. */
    @Override
    public void check(String planCode) {
        if (planCode != null && plans.findByCode(planCode).isEmpty()) {
            throw new ServiceException.BadQuery("plan", "no plan with code " + planCode);
        }
    }

    /** The tables: one entity or all; optionally only one plan's plan row, indicators and observations. */
    @Override
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public void write(String entity, String planCode, Tabular.TableWriter tables) throws IOException {
        // again, in this transaction: the plan may have gone since the check (nothing is written yet)
        check(planCode);
        CursorRows.readOnly(em);
        LocalDate today = clock.today();
        for (String name : ImportService.SCHEMA.keySet()) {
            if (entity != null && !entity.equals(name)) {
                continue;
            }
            try (Stream<Map<String, Object>> rows = switch (name) {
                case "departments" -> CursorRows.of(em, em.createQuery("select d from Department d order by d.code", Department.class),
                        ExportService::row);
                case "plans" -> CursorRows.of(em, inPlan(Plan.class, "select p from Plan p", "", "order by " + PLAN_ORDER, planCode),
                        ExportService::row);
                case "indicators" -> CursorRows.of(em, inPlan(Indicator.class, "select i from Indicator i join fetch i.plan p join fetch i.category",
                        "", "order by " + PLAN_ORDER + ", i.seq, i.id", planCode), i -> row(i, today));
                case "tasks" -> CursorRows.of(em, inPlan(PlanTask.class, TaskRepository.OUTLINE_SELECT,
                        "", "order by " + PLAN_ORDER + ", " + TaskRepository.OUTLINE_ORDER + ", t.id", planCode), ExportService::row);
                default -> CursorRows.of(em, inPlan(Observation.class, "select o from Observation o join fetch o.indicator i join i.plan p",
                        "o.supersededAt is null", "order by " + PLAN_ORDER + ", i.seq, i.id, o.year, o.id", planCode), ExportService::row);
            }) {
                tables.table(name, rows);
            }
        }
    }

    /** A query of rows of the plans (the alias p), or of one plan's. */
    private <T> TypedQuery<T> inPlan(Class<T> type, String select, String condition, String order, String planCode) {
        String where = planCode == null ? condition : (condition.isEmpty() ? "" : condition + " and ") + "p.code = :plan";
        TypedQuery<T> query = em.createQuery(select + (where.isEmpty() ? "" : " where " + where) + " " + order, type);
        if (planCode != null) {
            query.setParameter("plan", planCode);
        }
        return query;
    }

    private static Map<String, Object> row(Department d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", d.code);
        row.put("nameZh", d.nameZh);
        row.put("nameEn", d.nameEn);
        return row;
    }

    private static Map<String, Object> row(Plan p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", p.code);
        row.put("kind", p.kind.name());
        row.put("startYear", p.startYear);
        row.put("endYear", p.endYear);
        row.put("titleZh", p.titleZh);
        row.put("titleEn", p.titleEn);
        row.put("parent", p.parent == null ? null : p.parent.code);
        return row;
    }

    private static Map<String, Object> row(Indicator i, LocalDate today) {
        Target target = IndicatorService.targetInForce(i, today);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", i.code);
        row.put("plan", i.plan.code);
        row.put("seq", i.seq);
        row.put("nameZh", i.nameZh);
        row.put("nameEn", i.nameEn);
        row.put("category", i.category.code);
        row.put("unit", i.unit);
        row.put("attribute", i.attribute == null ? null : i.attribute.name());
        row.put("direction", i.direction.name());
        row.put("measures", i.measures.name());
        row.put("departments", i.departments.stream().map(d -> d.department.code + ":" + d.role.name()).collect(Collectors.joining(";")));
        row.put("targetText", target == null ? null : target.text);
        row.put("targetKind", target == null ? null : target.kind.name());
        row.put("targetReference", target == null || target.referenceIndicator == null ? null : target.referenceIndicator.code);
        row.put("series", i.series);
        row.put("footnoteZh", i.footnoteZh);
        row.put("footnoteEn", i.footnoteEn);
        LocalDate planStart = LocalDate.of(i.plan.startYear, 1, 1);
        row.put("targetEffectiveFrom", target == null || target.effectiveFrom.equals(planStart) ? null : target.effectiveFrom.toString());
        return row;
    }

    private static Map<String, Object> row(PlanTask t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", t.code);
        row.put("plan", t.plan.code);
        row.put("parent", t.parent == null ? null : t.parent.code);
        row.put("seq", t.seq);
        row.put("textZh", t.textZh);
        row.put("textEn", t.textEn);
        row.put("lead", String.join(";", t.departmentCodes(PlanTask.Role.LEAD)));
        row.put("supporting", String.join(";", t.departmentCodes(PlanTask.Role.SUPPORT)));
        row.put("deadline", t.deadline == null ? null : t.deadline.toString());
        row.put("commitments", t.commitments.stream().map(i -> i.code).collect(Collectors.joining(";")));
        row.put("source", t.source);
        return row;
    }

    private static Map<String, Object> row(Observation o) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("indicator", o.indicator.code);
        row.put("year", o.year);
        row.put("periodStart", o.periodStart);
        row.put("value", strip(o.value));
        row.put("growthRate", strip(o.growthRate));
        row.put("priceBasis", o.priceBasis == null ? null : o.priceBasis.name());
        row.put("status", o.status.name());
        row.put("qualitativeZh", o.qualitativeZh);
        row.put("qualitativeEn", o.qualitativeEn);
        row.put("comparable", o.comparable);
        row.put("source", o.source);
        row.put("note", o.note);
        row.put("completed", o.completed);
        row.put("evidence", o.evidence);
        return row;
    }
}
