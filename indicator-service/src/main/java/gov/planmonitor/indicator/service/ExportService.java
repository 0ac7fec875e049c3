package gov.planmonitor.indicator.service;

import gov.planmonitor.support.time.BureauClock;
import gov.planmonitor.indicator.repository.Department;
import gov.planmonitor.indicator.repository.DepartmentRepository;
import gov.planmonitor.indicator.repository.Indicator;
import gov.planmonitor.indicator.repository.IndicatorRepository;
import gov.planmonitor.indicator.repository.Observation;
import gov.planmonitor.indicator.repository.ObservationRepository;
import gov.planmonitor.indicator.repository.Plan;
import gov.planmonitor.indicator.repository.PlanRepository;
import gov.planmonitor.indicator.repository.Target;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static gov.planmonitor.indicator.mapping.IndicatorMapper.strip;

/** Export in the import's own tables, so that export then import round-trips. */
@ApplicationScoped
@Transactional
public class ExportService {

    private final DepartmentRepository departments;
    private final PlanRepository plans;
    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final BureauClock clock;

    public ExportService(DepartmentRepository departments, PlanRepository plans, IndicatorRepository indicators, ObservationRepository observations, BureauClock clock) {
        this.clock = clock;
        this.departments = departments;
        this.plans = plans;
        this.indicators = indicators;
        this.observations = observations;
    }

    /** The tables to export: one entity or all; optionally only one plan's plan row, indicators and observations. */
    public Map<String, List<Map<String, Object>>> tables(String entity, String planCode) {
        if (entity != null && !ImportService.SCHEMA.containsKey(entity)) {
            throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + ImportService.SCHEMA.keySet());
        }
        Plan only = planCode == null ? null : plans.findByCode(planCode)
                // A filter naming nothing is a bad query (400, as the lists answer), not a missing resource: the path names none.
                .orElseThrow(() -> new ServiceException.BadQuery("plan", "no plan with code " + planCode));
        List<Plan> planList = only != null ? List.of(only) : plans.list("order by startYear, kind desc, code");
        List<Indicator> indicatorList = new ArrayList<>();
        planList.forEach(p -> indicatorList.addAll(indicators.listByPlan(p)));
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String name : ImportService.SCHEMA.keySet()) {
            if (entity != null && !entity.equals(name)) {
                continue;
            }
            tables.put(name, switch (name) {
                case "departments" -> departments.list("order by code").stream().map(ExportService::row).toList();
                case "plans" -> planList.stream().map(ExportService::row).toList();
                case "indicators" -> indicatorList.stream().map(this::row).toList();
                default -> observationRows(indicatorList);
            });
        }
        return tables;
    }

    private List<Map<String, Object>> observationRows(List<Indicator> indicatorList) {
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < indicatorList.size(); i++) {
            order.put(indicatorList.get(i).id, i);
        }
        return observations.listAsOf(indicatorList, null).stream()
                .sorted((a, b) -> a.indicator.id.equals(b.indicator.id) ? Integer.compare(a.year, b.year)
                        : Integer.compare(order.get(a.indicator.id), order.get(b.indicator.id)))
                .map(ExportService::row).toList();
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

    private Map<String, Object> row(Indicator i) {
        Target target = IndicatorService.targetInForce(i, clock.today());
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
        return row;
    }
}
