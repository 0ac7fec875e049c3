package gov.planmonitor.indicator.evaluation;

import gov.planmonitor.indicator.departments.DepartmentIndicatorDto;
import gov.planmonitor.indicator.evaluation.EvaluationItemDto.ExplanationDto;
import gov.planmonitor.indicator.evaluation.EvaluationItemDto.UsedObservationDto;
import gov.planmonitor.indicator.indicators.IndicatorMapper;
import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.indicators.IndicatorRepository;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.observations.ObservationRepository;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.indicator.evaluation.EvaluationJudge.Judgement;
import gov.planmonitor.indicator.evaluation.EvaluationWording.Words;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static gov.planmonitor.indicator.indicators.IndicatorMapper.strip;
import gov.planmonitor.indicator.indicators.IndicatorService;
import gov.planmonitor.indicator.plans.PlanService;
import gov.planmonitor.indicator.units.UnitCatalog;

/**
 * Judges each indicator of a plan the way the planning bureau does. At the end of a period: ACHIEVED,
 * NOT_ACHIEVED, NOT_COMPARABLE (caliber change) or NOT_EVALUABLE (no data, estimate pending). During a
 * five-year plan: AHEAD (提前完成), ON_TRACK (达到预期进度, against the elapsed share of the period) or LAGGING.
 * This class loads (in a read-only transaction) and assembles the answer; EvaluationJudge applies the rule of each
 * target kind (service/rules) and EvaluationWording words it from the message bundles.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final PlanService plans;
    private final IndicatorMapper mapper;
    private final UnitCatalog unitCatalog;
    private final EvaluationJudge judge;
    private final EvaluationWording wording;

    public EvaluationService(IndicatorRepository indicators, ObservationRepository observations, PlanService plans, IndicatorMapper mapper,
                             UnitCatalog unitCatalog, EvaluationJudge judge, EvaluationWording wording) {
        this.unitCatalog = unitCatalog;
        this.indicators = indicators;
        this.observations = observations;
        this.plans = plans;
        this.mapper = mapper;
        this.judge = judge;
        this.wording = wording;
    }

    public EvaluationDto evaluate(String planCode, Integer requestedYear, OffsetDateTime asOf) {
        return ReadOnly.read(indicators.getEntityManager(), () -> evaluateReadOnly(planCode, requestedYear, asOf));
    }

    private EvaluationDto evaluateReadOnly(String planCode, Integer requestedYear, OffsetDateTime asOf) {
        Plan plan = plans.get(planCode);
        int year = requestedYear != null ? requestedYear : defaultYear(plan, asOf);
        if (!plan.covers(year)) {
            throw new ServiceException.BadQuery("year", "year " + year + " is outside plan " + plan.code + " (" + plan.startYear + "–" + plan.endYear + ")");
        }
        List<Indicator> members = indicators.listByPlan(plan);
        EvaluationContext ctx = context(plan, year, members, asOf);
        List<EvaluationItemDto> items = new ArrayList<>();
        for (Indicator indicator : members) {
            items.add(item(ctx, indicator));
        }
        return new EvaluationDto(plans.toDto(plan), year, ctx.isFinal ? "FINAL" : "PROGRESS", strip(ctx.share), asOf, items, summarize(items));
    }

    private EvaluationContext context(Plan plan, int year, List<Indicator> members, OffsetDateTime asOf) {
        return new EvaluationContext(plan, year, members, asOf, indicators, observations, unitCatalog);
    }

    /** One indicator judged in its context, as the evaluation lists it. */
    private EvaluationItemDto item(EvaluationContext ctx, Indicator indicator) {
        List<Target> targets = ctx.targets(indicator);
        Target target = IndicatorService.inForce(targets, t -> t.effectiveFrom, LocalDate.of(ctx.year, 12, 31));
        Judgement j = target == null ? judge.noTarget() : judge.judge(ctx, indicator, target);
        Target original = targets.isEmpty() ? null : targets.get(0);
        Words verdict = wording.verdict(j.verdict());
        return new EvaluationItemDto(indicator.code, indicator.seq, indicator.nameZh, indicator.nameEnOrZh(),
                mapper.toDto(indicator.category), indicator.attribute == null ? null : indicator.attribute.name(),
                ctx.units.dto(indicator.unit), mapper.departments(indicator), mapper.toDto(target),
                original == null || original == target ? null : mapper.toDto(original),
                used(j.used(), indicator), j.verdict().name(), verdict.zh(), verdict.en(),
                new ExplanationDto(j.rule(), j.words().zh(), j.words().en(), strip(j.actual()), target == null ? null : strip(target.value),
                        target == null ? null : strip(EvaluationJudge.tolerance(indicator, target)), strip(j.threshold()), strip(j.expected()),
                        strip(j.baseline()), j.years()));
    }

    /**
     * A department's indicators (lead or support) with the verdict of each plan's latest evaluation. Only the
     * department's indicators are judged (a verdict depends on the indicator, its series and its reference, not on the
     * rest of its plan), so a department with a few indicators in a plan of 10,000 does not evaluate the whole plan.
     */
    public List<DepartmentIndicatorDto> departmentIndicators(Department department) {
        return ReadOnly.read(indicators.getEntityManager(), () -> departmentIndicatorsReadOnly(department));
    }

    private List<DepartmentIndicatorDto> departmentIndicatorsReadOnly(Department department) {
        Map<Plan, List<Indicator>> byPlan = new LinkedHashMap<>();
        for (Indicator indicator : indicators.listByDepartment(department)) {
            byPlan.computeIfAbsent(indicator.plan, p -> new ArrayList<>()).add(indicator);
        }
        List<DepartmentIndicatorDto> result = new ArrayList<>();
        byPlan.forEach((plan, members) -> {
            EvaluationContext ctx = context(plan, defaultYear(plan, null), members, null);
            for (Indicator indicator : members) {
                EvaluationItemDto item = item(ctx, indicator);
                String role = indicator.departments.stream().filter(d -> d.department == department).map(d -> d.role.name()).findFirst().orElse(null);
                result.add(new DepartmentIndicatorDto(indicator.code, plan.code, indicator.nameZh, indicator.nameEnOrZh(), role,
                        item.target(), ctx.year, item.observation(), item.verdict(), item.verdictZh(), item.explanation()));
            }
        });
        return result;
    }

    /**
     * The latest year of the period with any value, the plan's own or one recorded on a linked or reference indicator
     * of another plan (which the evaluation uses); the start year when there is none.
     */
    int defaultYear(Plan plan, OffsetDateTime asOf) {
        if (plan.startYear == plan.endYear) {
            return plan.startYear;
        }
        Integer latest = observations.latestYearUsedBy(plan, asOf);
        return latest == null ? plan.startYear : latest;
    }

    private static UsedObservationDto used(Observation o, Indicator evaluated) {
        if (o == null) {
            return null;
        }
        return new UsedObservationDto(o.year, o.periodStart, strip(o.value), strip(o.growthRate), o.status.name(),
                o.qualitativeZh, o.qualitativeEn, o.indicator.id.equals(evaluated.id) ? null : o.indicator.code);
    }

    /** The counts by verdict, overall and by category, attribute and department (a department's in code order). */
    private static EvaluationSummaryDto summarize(List<EvaluationItemDto> items) {
        Map<String, Integer> byVerdict = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byCategory = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byAttribute = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> byDepartment = new TreeMap<>();
        for (EvaluationItemDto item : items) {
            byVerdict.merge(item.verdict(), 1, Integer::sum);
            byCategory.computeIfAbsent(item.category().code(), k -> new LinkedHashMap<>()).merge(item.verdict(), 1, Integer::sum);
            byAttribute.computeIfAbsent(item.attribute() == null ? "NONE" : item.attribute(), k -> new LinkedHashMap<>())
                    .merge(item.verdict(), 1, Integer::sum);
            item.departments().forEach(d -> byDepartment.computeIfAbsent(d.code(), k -> new LinkedHashMap<>()).merge(item.verdict(), 1, Integer::sum));
        }
        return new EvaluationSummaryDto(items.size(), byVerdict, byCategory, byAttribute, byDepartment);
    }
}
