package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.service.rules.Verdict;
import gov.planmonitor.indicator.service.rules.VerdictRules;

import gov.planmonitor.indicator.mapping.DepartmentIndicatorDto;
import gov.planmonitor.indicator.mapping.EvaluationDto;
import gov.planmonitor.indicator.mapping.EvaluationItemDto.ExplanationDto;
import gov.planmonitor.indicator.mapping.EvaluationItemDto.UsedObservationDto;
import gov.planmonitor.indicator.mapping.EvaluationItemDto;
import gov.planmonitor.indicator.mapping.EvaluationSummaryDto;
import gov.planmonitor.indicator.mapping.IndicatorMapper;
import gov.planmonitor.indicator.repository.Department;
import gov.planmonitor.indicator.repository.Indicator;
import gov.planmonitor.indicator.repository.IndicatorRepository;
import gov.planmonitor.indicator.repository.Observation;
import gov.planmonitor.indicator.repository.ObservationRepository;
import gov.planmonitor.indicator.repository.Plan;
import gov.planmonitor.indicator.repository.Target;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static gov.planmonitor.indicator.mapping.IndicatorMapper.strip;

/**
 * Judges each indicator of a plan the way the planning bureau does. At the end of a period: ACHIEVED,
 * NOT_ACHIEVED, NOT_COMPARABLE (caliber change) or NOT_EVALUABLE (no data, estimate pending). During a
 * five-year plan: AHEAD (提前完成), ON_TRACK (达到预期进度, against the elapsed share of the period) or LAGGING.
 * Binding (约束性) indicators get no tolerance; expected (预期性) ones keep their 左右 band.
 */
@ApplicationScoped
@Transactional
public class EvaluationService {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An observation found for an indicator: its own or one recorded on a linked indicator of another plan. */
    private record Found(Observation observation) {
    }

    private record Judgement(Verdict verdict, String rule, String zh, String en, Found used, BigDecimal actual,
                             BigDecimal threshold, BigDecimal expected, BigDecimal baseline, List<Integer> years) {
        static Judgement of(Verdict verdict, String rule, String zh, String en) {
            return new Judgement(verdict, rule, zh, en, null, null, null, null, null, null);
        }
    }

    /** Everything one evaluation needs, loaded once: observations of the plan, linked and reference indicators. */
    private final class Context {
        final Plan plan;
        final int year;
        final VerdictRules.Stage stage;
        final boolean isFinal;
        final BigDecimal share;
        final Map<Long, Map<Integer, Observation>> byIndicator = new HashMap<>();
        final Map<String, List<Indicator>> bySeries = new HashMap<>();
        /** The units of measure, read once for the evaluation. */
        final UnitCatalog.Units units;
        /** The targets as recorded at the evaluation's asOf, by indicator id; null when it reads the current ones. */
        final Map<Long, List<Target>> targetsAsOf;

        Context(Plan plan, int year, List<Indicator> members, OffsetDateTime asOf) {
            this.plan = plan;
            this.year = year;
            this.stage = VerdictRules.Stage.of(plan.startYear, plan.endYear, year);
            this.isFinal = stage.isFinal();
            this.share = stage.share();
            this.targetsAsOf = asOf == null ? null : indicators.targetsAsOf(members, asOf);
            this.units = unitCatalog.snapshot();
            Set<Indicator> all = new HashSet<>(members);
            Set<String> series = new HashSet<>();
            for (Indicator i : members) {
                if (i.series != null) {
                    series.add(i.series);
                }
                targets(i).stream().filter(t -> t.referenceIndicator != null).forEach(t -> all.add(t.referenceIndicator));
            }
            if (!series.isEmpty()) {
                for (Indicator linked : indicators.list("series in ?1", series)) {
                    all.add(linked);
                    bySeries.computeIfAbsent(linked.series, s -> new ArrayList<>()).add(linked);
                }
            }
            for (Observation o : observations.listAsOf(all, asOf)) {
                byIndicator.computeIfAbsent(o.indicator.id, k -> new HashMap<>()).put(o.year, o);
            }
        }

        /** An indicator's targets, in order of their effective dates, as they stood at the evaluation's asOf. */
        List<Target> targets(Indicator indicator) {
            return targetsAsOf == null ? indicator.targets : targetsAsOf.getOrDefault(indicator.id, List.of());
        }

        Observation own(Indicator indicator, int y) {
            return byIndicator.getOrDefault(indicator.id, Map.of()).get(y);
        }

        /**
         * The value of a measure for one year: the indicator's own observation, else one recorded on an indicator
         * of another plan in the same series (the annual plan's GDP growth serves the five-year plan's).
         * Multi-year results do not stand for a single year.
         */
        Found find(Indicator indicator, int y, Target.Measure measure) {
            Observation own = own(indicator, y);
            if (own != null && (number(own, measure) != null || !own.comparable)) {
                return new Found(own);
            }
            Observation wordsOnly = null;
            for (Indicator linked : bySeries.getOrDefault(indicator.series, List.of())) {
                Observation o = linked == indicator ? null : own(linked, y);
                if (o == null) {
                    continue;
                }
                // A five-year average is not one year's growth; a level at the period's end is that year's level.
                boolean singleYear = o.periodStart == null || o.periodStart == y || measure == Target.Measure.LEVEL;
                boolean sameUnit = linked.unit.equals(indicator.unit);
                if (singleYear && number(o, measure) != null && (measure == Target.Measure.GROWTH_RATE || sameUnit)) {
                    return new Found(o);
                }
                if (o.qualitativeZh != null && !o.hasNumber()) {
                    wordsOnly = o;
                }
            }
            if (own != null) {
                return new Found(own);
            }
            return wordsOnly == null ? null : new Found(wordsOnly);
        }

        /** The plan's own result over its whole period (a five-year plan's printed outcome), if recorded. */
        Found periodResult(Indicator indicator) {
            Observation o = own(indicator, plan.endYear);
            return o != null && isFinal && o.periodStart != null && o.periodStart == plan.startYear ? new Found(o) : null;
        }
    }

    private final IndicatorRepository indicators;
    private final ObservationRepository observations;
    private final PlanService plans;
    private final IndicatorMapper mapper;
    private final UnitCatalog unitCatalog;

    public EvaluationService(IndicatorRepository indicators, ObservationRepository observations, PlanService plans, IndicatorMapper mapper,
                             UnitCatalog unitCatalog) {
        this.unitCatalog = unitCatalog;
        this.indicators = indicators;
        this.observations = observations;
        this.plans = plans;
        this.mapper = mapper;
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
        Context ctx = new Context(plan, year, members, asOf);
        List<EvaluationItemDto> items = new ArrayList<>();
        for (Indicator indicator : members) {
            items.add(item(ctx, indicator));
        }
        return new EvaluationDto(plans.toDto(plan), year, ctx.isFinal ? "FINAL" : "PROGRESS", strip(ctx.share), asOf, items, summarize(items));
    }

    /** One indicator judged in its context, as the evaluation lists it. */
    private EvaluationItemDto item(Context ctx, Indicator indicator) {
        List<Target> targets = ctx.targets(indicator);
        Target target = IndicatorService.inForce(targets, t -> t.effectiveFrom, LocalDate.of(ctx.year, 12, 31));
        Judgement j = target == null ? Judgement.of(Verdict.NOT_EVALUABLE, "NO_TARGET", "未设定目标", "No target set")
                : judge(ctx, indicator, target);
        Target original = targets.isEmpty() ? null : targets.get(0);
        return new EvaluationItemDto(indicator.code, indicator.seq, indicator.nameZh, indicator.nameEnOrZh(),
                mapper.toDto(indicator.category), indicator.attribute == null ? null : indicator.attribute.name(),
                ctx.units.dto(indicator.unit), mapper.departments(indicator), mapper.toDto(target),
                original == null || original == target ? null : mapper.toDto(original),
                used(j.used(), indicator), j.verdict().name(), j.verdict().zh, j.verdict().en,
                new ExplanationDto(j.rule(), j.zh(), j.en(), strip(j.actual()), target == null ? null : strip(target.value),
                        target == null ? null : strip(tolerance(indicator, target)), strip(j.threshold()), strip(j.expected()),
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
            Context ctx = new Context(plan, defaultYear(plan, null), members, null);
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

    private static UsedObservationDto used(Found found, Indicator evaluated) {
        if (found == null) {
            return null;
        }
        Observation o = found.observation();
        return new UsedObservationDto(o.year, o.periodStart, strip(o.value), strip(o.growthRate), o.status.name(),
                o.qualitativeZh, o.qualitativeEn, o.indicator.id.equals(evaluated.id) ? null : o.indicator.code);
    }

    private static BigDecimal tolerance(Indicator indicator, Target target) {
        if (indicator.attribute == Indicator.Attribute.BINDING || target.tolerance == null) {
            return BigDecimal.ZERO;
        }
        return target.tolerance;
    }

    private static BigDecimal number(Observation o, Target.Measure measure) {
        return measure == Target.Measure.GROWTH_RATE ? o.growthRate : o.value;
    }

    private Judgement judge(Context ctx, Indicator indicator, Target target) {
        return switch (target.kind) {
            case QUALITATIVE -> qualitative(ctx, indicator);
            case RELATIVE -> relative(ctx, indicator, target);
            case AVERAGE_ANNUAL_GROWTH -> averageGrowth(ctx, indicator, target);
            case CUMULATIVE_DECLINE -> cumulativeDecline(ctx, indicator, target);
            case AVERAGE_ANNUAL_DECLINE -> indicator.measures == Indicator.Measures.DECLINE_RATE ? averageDecline(ctx, indicator, target)
                    : fromBase(ctx, indicator, target);
            case CUMULATIVE_SUM -> cumulativeSum(ctx, indicator, target);
            case YES_NO -> yesNo(ctx, indicator, target);
            case MULTIPLE_OF_BASE, CHANGE_FROM_BASE, POINTS_FROM_BASE -> fromBase(ctx, indicator, target);
            default -> level(ctx, indicator, target);
        };
    }

    /**
     * A target in words is assessed in words by the evaluation report; the values recorded are shown beside it (the
     * year's, and the baseline's), so a fall such as air quality's 81% → 78.4% is in front of whoever writes that report.
     */
    private Judgement qualitative(Context ctx, Indicator indicator) {
        Found found = ctx.find(indicator, ctx.year, Target.Measure.LEVEL);
        Found base = ctx.find(indicator, ctx.plan.startYear - 1, Target.Measure.LEVEL);
        BigDecimal v = found == null ? null : found.observation().value;
        BigDecimal b = base == null ? null : base.observation().value;
        String valuesZh = (b == null ? "" : "；" + (ctx.plan.startYear - 1) + "年" + fmt(b) + indicator.unit)
                + (v == null ? "" : "；" + ctx.year + "年" + fmt(v) + indicator.unit);
        String valuesEn = (b == null ? "" : "; " + (ctx.plan.startYear - 1) + ": " + fmt(b) + " " + indicator.unit)
                + (v == null ? "" : "; " + ctx.year + ": " + fmt(v) + " " + indicator.unit);
        return new Judgement(Verdict.NOT_EVALUABLE, "QUALITATIVE_TARGET", "定性目标，由规划实施评估报告作文字评价" + valuesZh,
                "Qualitative target: assessed in words by the evaluation report" + valuesEn, found, v, null, null, b, List.of(ctx.year));
    }

    /** ≥, ≤, reach and 左右 targets on one year's value. */
    private Judgement level(Context ctx, Indicator indicator, Target target) {
        Found found = ctx.find(indicator, ctx.year, target.measure);
        Judgement unusable = unusable(found, ctx.year, target.measure);
        if (unusable != null) {
            return unusable;
        }
        BigDecimal v = number(found.observation(), target.measure);
        boolean growth = target.measure == Target.Measure.GROWTH_RATE;
        String unit = growth ? "%" : indicator.unit;
        String compare = (growth ? "增长" : "") + fmt(v) + unit + "，目标" + target.text + bandZh(indicator, target);
        String compareEn = (growth ? "growth " : "") + fmt(v) + " " + unit + " against a target of " + target.text + bandEn(indicator, target);
        String provisionalZh = found.observation().status == Observation.Status.ESTIMATE ? "（预计数）" : "";
        String provisionalEn = found.observation().status == Observation.Status.ESTIMATE ? " (estimate)" : "";
        Found base = ctx.find(indicator, ctx.plan.startYear - 1, Target.Measure.LEVEL);
        BigDecimal b = base == null || base.observation().value == null || !base.observation().comparable ? null : base.observation().value;
        // A bound on a rate (%, ‰) must hold every year; one on a stock (companies, yuan) is a level to reach by the end.
        boolean holdsEveryYear = target.everyYear || (ctx.units.isRate(indicator.unit)
                && (target.kind == Target.Kind.AT_LEAST || target.kind == Target.Kind.AT_MOST));
        VerdictRules.Outcome o = VerdictRules.level(new VerdictRules.Bound(target.kind, target.value, target.valueHigh, tolerance(indicator, target)),
                indicator.direction, v, growth, holdsEveryYear, ctx.stage, b);
        Verdict verdict = o.verdict();
        int baseYear = ctx.plan.startYear - 1;
        return switch (o.rule()) {
            case "NO_BASELINE" -> new Judgement(verdict, o.rule(), compare + "，缺少" + baseYear + "年基数，无法判断进度",
                    compareEn + "; no " + baseYear + " baseline, so progress cannot be judged", found, v, o.threshold(), null, null, List.of(ctx.year));
            case "LINEAR_PROGRESS_FROM_BASELINE" -> new Judgement(verdict, o.rule(),
                    compare + provisionalZh + "；" + baseYear + "年基数" + fmt(b) + "，按时间进度" + pct(ctx.share) + "应达" + fmt(o.expected()) + "，" + verdict.zh,
                    compareEn + provisionalEn + "; from the " + baseYear + " baseline " + fmt(b) + ", " + pct(ctx.share)
                            + " of the period calls for " + fmt(o.expected()) + ": " + verdict.en.toLowerCase(),
                    found, v, o.threshold(), o.expected(), b, List.of(ctx.year));
            default -> verdict == Verdict.AHEAD
                    ? new Judgement(verdict, o.rule(), compare + provisionalZh + "，已提前达到规划目标",
                    compareEn + provisionalEn + ": the end-of-plan target is already reached", found, v, o.threshold(), null, null, List.of(ctx.year))
                    : new Judgement(verdict, o.rule(), compare + provisionalZh + "，" + verdict.zh, compareEn + provisionalEn + ": " + verdict.en.toLowerCase(),
                    found, v, o.threshold(), null, null, List.of(ctx.year));
        };
    }

    private Judgement averageGrowth(Context ctx, Indicator indicator, Target target) {
        BigDecimal tol = tolerance(indicator, target);
        BigDecimal threshold = target.value.subtract(tol);
        Found period = ctx.periodResult(indicator);
        if (period != null) {
            Judgement unusable = unusable(period, ctx.year, target.measure);
            if (unusable != null) {
                return unusable;
            }
            BigDecimal avg = period.observation().growthRate != null ? period.observation().growthRate : period.observation().value;
            VerdictRules.Outcome o = VerdictRules.periodAverageGrowth(avg, target.value, tol);
            Verdict verdict = o.verdict();
            return new Judgement(verdict, o.rule(),
                    ctx.plan.startYear + "—" + ctx.plan.endYear + "年年均增长" + fmt(avg) + "%，目标" + target.text + bandZh(indicator, target) + "，" + verdict.zh,
                    "Average annual growth " + ctx.plan.startYear + "–" + ctx.plan.endYear + " of " + fmt(avg) + "% against a target of "
                            + target.text + bandEn(indicator, target) + ": " + verdict.en.toLowerCase(),
                    period, avg, threshold, null, null, List.of(ctx.plan.endYear));
        }
        Map<Integer, Found> annual = annual(ctx, indicator, Target.Measure.GROWTH_RATE);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || (ctx.isFinal && !missing.isEmpty())) {
            return notEvaluable(missing, "年度增速", "annual growth rates");
        }
        VerdictRules.Outcome o = VerdictRules.averageGrowth(annual.values().stream().map(f -> f.observation().growthRate).toList(),
                target.value, tol, ctx.stage);
        BigDecimal avg = o.actual();
        List<Integer> years = List.copyOf(annual.keySet());
        Found latest = annual.get(years.get(years.size() - 1));
        String partialZh = missing.isEmpty() ? "" : "（缺" + missing + "年数据）";
        String partialEn = missing.isEmpty() ? "" : " (no data for " + missing + ")";
        Verdict verdict = o.verdict();
        return new Judgement(verdict, o.rule(),
                years + "年年均增长" + fmt(avg) + "%" + partialZh + "，目标" + target.text + bandZh(indicator, target) + "，" + verdict.zh,
                "Average annual growth over " + years + " of " + fmt(avg) + "%" + partialEn + " against a target of " + target.text
                        + bandEn(indicator, target) + ": " + verdict.en.toLowerCase(),
                latest, avg, threshold, null, null, years);
    }

    private Judgement cumulativeDecline(Context ctx, Indicator indicator, Target target) {
        BigDecimal tol = tolerance(indicator, target);
        Found period = ctx.periodResult(indicator);
        BigDecimal cumulative;
        Found used;
        List<Integer> years;
        if (period != null) {
            Judgement unusable = unusable(period, ctx.year, Target.Measure.LEVEL);
            if (unusable != null) {
                return unusable;
            }
            cumulative = period.observation().value;
            used = period;
            years = List.of(ctx.plan.endYear);
        } else {
            Map<Integer, Found> annual = annual(ctx, indicator, Target.Measure.LEVEL);
            List<Integer> missing = missingYears(ctx, annual);
            if (annual.isEmpty() || !missing.isEmpty()) {
                return notEvaluable(missing, "年度下降率", "annual decline rates");
            }
            cumulative = VerdictRules.cumulativeDecline(annual.values().stream().map(f -> f.observation().value).toList());
            years = List.copyOf(annual.keySet());
            used = annual.get(years.get(years.size() - 1));
        }
        VerdictRules.Outcome o = VerdictRules.decline(cumulative, target.value, tol, ctx.stage);
        Verdict verdict = o.verdict();
        BigDecimal threshold = o.threshold();
        BigDecimal expected = o.expected();
        return new Judgement(verdict, o.rule(),
                "累计下降" + fmt(cumulative) + "%，目标" + percent(target.text) + (expected == null ? "" : "，按每年同等降幅至今应达" + fmt(expected) + "%") + "，" + verdict.zh,
                "Cumulative decline of " + fmt(cumulative) + "% against a target of " + percent(target.text)
                        + (expected == null ? "" : "; the same decline every year calls for " + fmt(expected) + "% after " + pct(ctx.share)
                        + " of the period") + ": " + verdict.en.toLowerCase(),
                used, cumulative, threshold, expected, null, years);
    }

    /** 年均下降3% on yearly decline rates: their average so far, compounded. */
    private Judgement averageDecline(Context ctx, Indicator indicator, Target target) {
        BigDecimal tol = tolerance(indicator, target);
        Map<Integer, Found> annual = annual(ctx, indicator, Target.Measure.LEVEL);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || !missing.isEmpty()) {
            return notEvaluable(missing, "年度下降率", "annual decline rates");
        }
        VerdictRules.Outcome o = VerdictRules.averageDecline(annual.values().stream().map(f -> f.observation().value).toList(),
                target.value, tol, ctx.stage);
        List<Integer> years = List.copyOf(annual.keySet());
        Verdict verdict = o.verdict();
        return new Judgement(verdict, o.rule(),
                years + "年年均下降" + fmt(o.actual()) + "%，目标" + target.text + bandZh(indicator, target) + "，" + verdict.zh,
                "Average annual decline over " + years + " of " + fmt(o.actual()) + "% against a target of " + target.text
                        + bandEn(indicator, target) + ": " + verdict.en.toLowerCase(),
                annual.get(years.get(years.size() - 1)), o.actual(), o.threshold(), null, null, years);
    }

    /** 累计新增就业5万人: the yearly amounts of the period so far, summed; every year is needed. */
    private Judgement cumulativeSum(Context ctx, Indicator indicator, Target target) {
        Map<Integer, Found> annual = annual(ctx, indicator, Target.Measure.LEVEL);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || !missing.isEmpty()) {
            return notEvaluable(missing, "数据（累计数需逐年加总）", "values (the sum needs every year)");
        }
        VerdictRules.Outcome o = VerdictRules.cumulativeSum(annual.values().stream().map(f -> f.observation().value).toList(),
                target.value, tolerance(indicator, target), ctx.stage);
        List<Integer> years = List.copyOf(annual.keySet());
        Verdict verdict = o.verdict();
        String unit = indicator.unit;
        return new Judgement(verdict, o.rule(),
                years + "年累计" + fmt(o.actual()) + unit + "，目标" + target.text
                        + (o.expected() == null ? "" : "，按每年同等数量至今应达" + fmt(o.expected()) + unit) + "，" + verdict.zh,
                "Sum over " + years + " of " + fmt(o.actual()) + " " + unit + " against a target of " + target.text
                        + (o.expected() == null ? "" : "; the same amount every year calls for " + fmt(o.expected()) + " " + unit + " by now")
                        + ": " + verdict.en.toLowerCase(),
                annual.get(years.get(years.size() - 1)), o.actual(), o.threshold(), o.expected(), null, years);
    }

    /** 建成, 全覆盖, 完成省下达任务: the result the department recorded for the year, with its evidence. */
    private Judgement yesNo(Context ctx, Indicator indicator, Target target) {
        // The latest result recorded up to the year stands: a platform done in 2018 is still done in 2020.
        Observation o = null;
        for (int y = ctx.year; y >= ctx.plan.startYear && o == null; y--) {
            Observation recorded = ctx.own(indicator, y);
            o = recorded != null && recorded.completed != null ? recorded : null;
        }
        if (o == null) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", ctx.year + "年尚未记录是否完成（须附依据）",
                    "No done / not done result recorded for " + ctx.year + " (a result comes with its evidence)");
        }
        VerdictRules.Outcome outcome = VerdictRules.yesNo(o.completed, ctx.stage);
        Verdict verdict = outcome.verdict();
        String zh = o.completed ? "已完成" : "尚未完成";
        String en = o.completed ? "done" : "not done";
        String due = verdict == Verdict.NOT_EVALUABLE ? "，期末评估" : "";
        String dueEn = verdict == Verdict.NOT_EVALUABLE ? ", judged at the end of the period" : "";
        return new Judgement(verdict, outcome.rule(),
                "目标" + target.text + "，" + zh + "（依据：" + o.evidence + "）" + due + "，" + verdict.zh,
                "Target " + target.text + ": " + en + " (evidence: " + o.evidence + ")" + dueEn + ": " + verdict.en.toLowerCase(),
                new Found(o), null, null, null, null, List.of(ctx.year));
    }

    /** 翻一番, 累计增长30%, 比2010年下降40%, 提高2个百分点: the level against what the base year's level calls for. */
    private Judgement fromBase(Context ctx, Indicator indicator, Target target) {
        Found found = ctx.find(indicator, ctx.year, Target.Measure.LEVEL);
        Judgement unusable = unusable(found, ctx.year, Target.Measure.LEVEL);
        if (unusable != null) {
            return unusable;
        }
        BigDecimal v = found.observation().value;
        int baseYear = target.baseYear;
        Found base = ctx.find(indicator, baseYear, Target.Measure.LEVEL);
        BigDecimal b = base == null || base.observation().value == null || !base.observation().comparable ? null : base.observation().value;
        String compare = fmt(v) + indicator.unit + "，目标" + target.text;
        String compareEn = fmt(v) + " " + indicator.unit + " against a target of " + target.text;
        if (b == null || (b.signum() <= 0 && target.kind != Target.Kind.POINTS_FROM_BASE)) {
            return new Judgement(Verdict.NOT_EVALUABLE, "NO_BASELINE", compare + "，缺少" + baseYear + "年基数，无法判断",
                    compareEn + "; no (positive) " + baseYear + " value to measure from", found, v, null, null, null, List.of(ctx.year));
        }
        BigDecimal share = BigDecimal.valueOf(ctx.year - baseYear).divide(BigDecimal.valueOf(ctx.plan.endYear - baseYear), 4, RoundingMode.HALF_UP);
        VerdictRules.Outcome o = VerdictRules.fromBase(target.kind, target.value, b, v, ctx.isFinal, share, ctx.plan.endYear - baseYear);
        Verdict verdict = o.verdict();
        BigDecimal required = o.threshold();
        return new Judgement(verdict, o.rule(),
                compare + "（" + baseYear + "年" + fmt(b) + "，应达" + fmt(required) + "）"
                        + (o.expected() == null ? "" : "，按匀速至今应达" + fmt(o.expected())) + "，" + verdict.zh,
                compareEn + " (" + baseYear + ": " + fmt(b) + ", so " + fmt(required) + ")"
                        + (o.expected() == null ? "" : "; the same pace every year calls for " + fmt(o.expected()) + " by now")
                        + ": " + verdict.en.toLowerCase(),
                found, v, required, o.expected(), b, List.of(ctx.year));
    }

    /** 与经济增长(基本)同步: growth not below the reference indicator's (less the 基本 band). */
    private Judgement relative(Context ctx, Indicator indicator, Target target) {
        Indicator reference = target.referenceIndicator;
        BigDecimal tol = tolerance(indicator, target);
        Found own = ctx.find(indicator, ctx.year, Target.Measure.GROWTH_RATE);
        Found ref = reference == null ? null : ctx.find(reference, ctx.year, Target.Measure.GROWTH_RATE);
        boolean fiveYear = ctx.plan.kind == Plan.Kind.FIVE_YEAR;
        if (own != null && own.observation().growthRate != null && ref != null && ref.observation().growthRate != null && !fiveYear) {
            BigDecimal g = own.observation().growthRate;
            BigDecimal r = ref.observation().growthRate;
            VerdictRules.Outcome o = VerdictRules.inStep(g, r, tol, ctx.stage, "GROWTH_IN_STEP_WITH_REFERENCE");
            BigDecimal threshold = o.threshold();
            Verdict verdict = o.verdict();
            return new Judgement(verdict, o.rule(),
                    "增长" + fmt(g) + "%，" + reference.nameZh + "增长" + fmt(r) + "%，目标" + target.text + "，" + verdict.zh,
                    "Growth " + fmt(g) + "% against " + fmt(r) + "% for " + reference.nameEnOrZh() + " (target: " + target.text + "): " + verdict.en.toLowerCase(),
                    own, g, threshold, null, null, List.of(ctx.year));
        }
        if (fiveYear) {
            Map<Integer, Found> mine = annual(ctx, indicator, Target.Measure.GROWTH_RATE);
            Map<Integer, Found> theirs = reference == null ? Map.of() : annual(ctx, reference, Target.Measure.GROWTH_RATE);
            mine.keySet().retainAll(theirs.keySet());
            // A final verdict compares the whole period: every year of both, or none.
            List<Integer> missing = missingYears(ctx, mine);
            // Where figures lack, an official statement of the period (its final evaluation's words) still decides below.
            boolean figuresDecide = !mine.isEmpty() && (!ctx.isFinal || missing.isEmpty());
            if (ctx.isFinal && !figuresDecide && !statesInWords(own)) {
                return notEvaluable(missing, "本指标或参照指标的增速", "growth of this indicator or of its reference");
            }
            if (figuresDecide) {
                BigDecimal g = VerdictRules.geometricMean(mine.values().stream().map(f -> f.observation().growthRate).toList());
                BigDecimal r = VerdictRules.geometricMean(mine.keySet().stream().map(y -> theirs.get(y).observation().growthRate).toList());
                VerdictRules.Outcome o = VerdictRules.inStep(g, r, tol, ctx.stage, "AVERAGE_GROWTH_IN_STEP_WITH_REFERENCE");
                BigDecimal threshold = o.threshold();
                Verdict verdict = o.verdict();
                List<Integer> years = List.copyOf(mine.keySet());
                return new Judgement(verdict, o.rule(),
                        years + "年年均增长" + fmt(g) + "%，" + reference.nameZh + fmt(r) + "%，目标" + target.text + "，" + verdict.zh,
                        "Average growth over " + years + " of " + fmt(g) + "% against " + fmt(r) + "% for " + reference.nameEnOrZh()
                                + " (target: " + target.text + "): " + verdict.en.toLowerCase(),
                        mine.get(years.get(years.size() - 1)), g, threshold, null, null, years);
            }
        }
        // Where the source reports only words (the 2017 report: "与经济增长基本同步"), the official statement decides.
        if (statesInWords(own)) {
            String words = own.observation().qualitativeZh;
            boolean negated = words.matches(".*(未|不|低于|慢于|滞后).*");
            // An official statement decides either way: 同步 is met, 未同步 / 低于经济增长 is not.
            boolean states = words.contains("同步") || words.contains("经济增长");
            if (states && own.observation().status != Observation.Status.ESTIMATE) {
                Verdict verdict = negated ? (ctx.isFinal ? Verdict.NOT_ACHIEVED : Verdict.LAGGING) : (ctx.isFinal ? Verdict.ACHIEVED : Verdict.ON_TRACK);
                return new Judgement(verdict, "OFFICIAL_QUALITATIVE_STATEMENT",
                        "官方表述为“" + words + "”，目标" + target.text + "，" + verdict.zh,
                        "Officially reported as \"" + (own.observation().qualitativeEn != null ? own.observation().qualitativeEn : words)
                                + "\" against the target \"" + target.text + "\": " + verdict.en.toLowerCase(),
                        own, null, null, null, null, List.of(ctx.year));
            }
        }
        return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", ctx.year + "年缺少本指标或参照指标的增速",
                "No growth figure for " + ctx.year + " for this indicator or its reference");
    }

    private static boolean statesInWords(Found own) {
        return own != null && own.observation().qualitativeZh != null && !own.observation().hasNumber();
    }

    /** Single-year values for each year of the period up to the evaluated one. */
    private static Map<Integer, Found> annual(Context ctx, Indicator indicator, Target.Measure measure) {
        Map<Integer, Found> annual = new TreeMap<>();
        for (int y = ctx.plan.startYear; y <= ctx.year; y++) {
            Found f = ctx.find(indicator, y, measure);
            if (f != null && f.observation().comparable && number(f.observation(), measure) != null
                    && (f.observation().periodStart == null || f.observation().periodStart == y)) {
                annual.put(y, f);
            }
        }
        return annual;
    }

    private static List<Integer> missingYears(Context ctx, Map<Integer, Found> annual) {
        List<Integer> missing = new ArrayList<>();
        for (int y = ctx.plan.startYear; y <= ctx.year; y++) {
            if (!annual.containsKey(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    private static Judgement notEvaluable(List<Integer> missing, String zh, String en) {
        return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", "缺少" + missing + "年" + zh, "No " + en + " for " + missing);
    }

    /** Why an observation cannot be judged: none, caliber change, estimate pending, or words only. */
    private static Judgement unusable(Found found, int year, Target.Measure measure) {
        if (found == null) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", year + "年暂无数据", "No value recorded for " + year);
        }
        Observation o = found.observation();
        if (!o.comparable) {
            return new Judgement(Verdict.NOT_COMPARABLE, "CALIBER_CHANGED",
                    "因统计口径变化，完成值" + fmt(number(o, measure)) + "与目标值不可比",
                    "The statistical caliber changed, so the result " + fmt(number(o, measure)) + " cannot be compared with the target",
                    found, number(o, measure), null, null, null, List.of(o.year));
        }
        if (number(o, measure) == null) {
            if (o.status == Observation.Status.ESTIMATE) {
                return new Judgement(Verdict.NOT_EVALUABLE, "ESTIMATE_PENDING",
                        "数据待公布：" + (o.qualitativeZh == null ? "预计数" : o.qualitativeZh),
                        "Figure pending: " + (o.qualitativeEn == null ? "estimate only" : o.qualitativeEn), found, null, null, null, null, List.of(o.year));
            }
            return new Judgement(Verdict.NOT_EVALUABLE, "NO_NUMBER", "仅有文字表述" + (o.qualitativeZh == null ? "" : "：" + o.qualitativeZh),
                    "Only words are recorded" + (o.qualitativeEn == null ? "" : ": " + o.qualitativeEn), found, null, null, null, null, List.of(o.year));
        }
        return null;
    }

    private static String bandZh(Indicator indicator, Target target) {
        if (target.tolerance == null) {
            return "";
        }
        return indicator.attribute == Indicator.Attribute.BINDING ? "（约束性指标，不设浮动）" : "（允许±" + fmt(target.tolerance) + "）";
    }

    private static String bandEn(Indicator indicator, Target target) {
        if (target.tolerance == null) {
            return "";
        }
        return indicator.attribute == Indicator.Attribute.BINDING ? " (binding: no tolerance)" : " (tolerance ±" + fmt(target.tolerance) + ")";
    }

    /** A decline target as printed, with its % after the number where the text left it out (19 → 19%, 15以上 → 15%以上). */
    private static String percent(String text) {
        return text.contains("%") ? text : text.replaceFirst("(\\d+(?:\\.\\d+)?)", "$1%");
    }

    private static String fmt(BigDecimal value) {
        return value == null ? "—" : strip(value).toPlainString();
    }

    private static String pct(BigDecimal share) {
        return strip(share.multiply(HUNDRED).setScale(0, RoundingMode.HALF_UP)).toPlainString() + "%";
    }

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
