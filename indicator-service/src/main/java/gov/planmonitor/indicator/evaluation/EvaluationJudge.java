package gov.planmonitor.indicator.evaluation;

import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.observations.Observation;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;
import gov.planmonitor.indicator.evaluation.EvaluationWording.Compared;
import gov.planmonitor.indicator.evaluation.EvaluationWording.Words;
import gov.planmonitor.indicator.evaluation.rules.Verdict;
import gov.planmonitor.indicator.evaluation.rules.VerdictRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static gov.planmonitor.indicator.evaluation.EvaluationContext.number;

/**
 * Judges one indicator against its target in force: picks the values each target kind is judged on from the loaded
 * context, applies the kind's rule (VerdictRules, pure) and has the outcome worded (EvaluationWording). Binding (约束性)
 * indicators get no tolerance; expected (预期性) ones keep their 左右 band.
 */
@ApplicationScoped
class EvaluationJudge {

    /** A verdict with its rule, its explanation in both languages, the observation it rests on and its numbers. */
    record Judgement(Verdict verdict, String rule, Words words, Observation used, BigDecimal actual, BigDecimal threshold,
                     BigDecimal expected, BigDecimal baseline, List<Integer> years) {
        static Judgement of(Verdict verdict, String rule, Words words) {
            return new Judgement(verdict, rule, words, null, null, null, null, null, null);
        }
    }

    private final EvaluationWording wording;

    EvaluationJudge(EvaluationWording wording) {
        this.wording = wording;
    }

    /** The judgement of an indicator with no target in force. */
    Judgement noTarget() {
        return Judgement.of(Verdict.NOT_EVALUABLE, "NO_TARGET", wording.noTarget());
    }

    Judgement judge(EvaluationContext ctx, Indicator indicator, Target target) {
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

    /** The band a target is judged with: none for a binding indicator or a target printed without one. */
    static BigDecimal tolerance(Indicator indicator, Target target) {
        if (indicator.attribute == Indicator.Attribute.BINDING || target.tolerance == null) {
            return BigDecimal.ZERO;
        }
        return target.tolerance;
    }

    /**
     * A target in words is assessed in words by the evaluation report; the values recorded are shown beside it (the
     * year's, and the baseline's), so a fall such as air quality's 81% → 78.4% is in front of whoever writes that report.
     */
    private Judgement qualitative(EvaluationContext ctx, Indicator indicator) {
        Observation found = ctx.find(indicator, ctx.year, Target.Measure.LEVEL);
        Observation base = ctx.find(indicator, ctx.plan.startYear - 1, Target.Measure.LEVEL);
        BigDecimal v = found == null ? null : found.value;
        BigDecimal b = base == null ? null : base.value;
        return new Judgement(Verdict.NOT_EVALUABLE, "QUALITATIVE_TARGET", wording.qualitative(ctx.plan.startYear - 1, b, ctx.year, v, indicator.unit),
                found, v, null, null, b, List.of(ctx.year));
    }

    /** ≥, ≤, reach and 左右 targets on one year's value. */
    private Judgement level(EvaluationContext ctx, Indicator indicator, Target target) {
        Observation found = ctx.find(indicator, ctx.year, target.measure);
        Judgement unusable = unusable(found, ctx.year, target.measure);
        if (unusable != null) {
            return unusable;
        }
        BigDecimal v = number(found, target.measure);
        boolean growth = target.measure == Target.Measure.GROWTH_RATE;
        Compared compared = new Compared(growth, v, growth ? "%" : indicator.unit, indicator, target, found.status == Observation.Status.ESTIMATE);
        BigDecimal b = comparableLevel(ctx.find(indicator, ctx.plan.startYear - 1, Target.Measure.LEVEL));
        // A bound on a rate (%, ‰) must hold every year; one on a stock (companies, yuan) is a level to reach by the end.
        boolean holdsEveryYear = target.everyYear || (ctx.units.isRate(indicator.unit)
                && (target.kind == Target.Kind.AT_LEAST || target.kind == Target.Kind.AT_MOST));
        VerdictRules.Outcome o = VerdictRules.level(new VerdictRules.Bound(target.kind, target.value, target.valueHigh, tolerance(indicator, target)),
                indicator.direction, v, growth, holdsEveryYear, ctx.stage, b);
        Verdict verdict = o.verdict();
        int baseYear = ctx.plan.startYear - 1;
        return switch (o.rule()) {
            case "NO_BASELINE" -> new Judgement(verdict, o.rule(), wording.levelNoBaseline(compared, baseYear), found, v, o.threshold(), null, null,
                    List.of(ctx.year));
            case "LINEAR_PROGRESS_FROM_BASELINE" -> new Judgement(verdict, o.rule(),
                    wording.levelProgress(compared, baseYear, b, ctx.share, o.expected(), verdict), found, v, o.threshold(), o.expected(), b,
                    List.of(ctx.year));
            default -> new Judgement(verdict, o.rule(), verdict == Verdict.AHEAD ? wording.levelAhead(compared) : wording.levelJudged(compared, verdict),
                    found, v, o.threshold(), null, null, List.of(ctx.year));
        };
    }

    private Judgement averageGrowth(EvaluationContext ctx, Indicator indicator, Target target) {
        BigDecimal tol = tolerance(indicator, target);
        BigDecimal threshold = target.value.subtract(tol);
        Observation period = ctx.periodResult(indicator);
        if (period != null) {
            Judgement unusable = unusable(period, ctx.year, target.measure);
            if (unusable != null) {
                return unusable;
            }
            BigDecimal avg = period.growthRate != null ? period.growthRate : period.value;
            VerdictRules.Outcome o = VerdictRules.periodAverageGrowth(avg, target.value, tol);
            return new Judgement(o.verdict(), o.rule(), wording.periodAverageGrowth(ctx.plan.startYear, ctx.plan.endYear, avg, indicator, target, o.verdict()),
                    period, avg, threshold, null, null, List.of(ctx.plan.endYear));
        }
        Map<Integer, Observation> annual = annual(ctx, indicator, Target.Measure.GROWTH_RATE);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || (ctx.isFinal && !missing.isEmpty())) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.missingGrowthRates(missing));
        }
        VerdictRules.Outcome o = VerdictRules.averageGrowth(annual.values().stream().map(f -> f.growthRate).toList(), target.value, tol, ctx.stage);
        List<Integer> years = List.copyOf(annual.keySet());
        return new Judgement(o.verdict(), o.rule(), wording.averageGrowth(years, o.actual(), missing, indicator, target, o.verdict()),
                latest(annual, years), o.actual(), threshold, null, null, years);
    }

    private Judgement cumulativeDecline(EvaluationContext ctx, Indicator indicator, Target target) {
        Observation period = ctx.periodResult(indicator);
        BigDecimal cumulative;
        Observation used;
        List<Integer> years;
        if (period != null) {
            Judgement unusable = unusable(period, ctx.year, Target.Measure.LEVEL);
            if (unusable != null) {
                return unusable;
            }
            cumulative = period.value;
            used = period;
            years = List.of(ctx.plan.endYear);
        } else {
            Map<Integer, Observation> annual = annual(ctx, indicator, Target.Measure.LEVEL);
            List<Integer> missing = missingYears(ctx, annual);
            if (annual.isEmpty() || !missing.isEmpty()) {
                return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.missingDeclineRates(missing));
            }
            cumulative = VerdictRules.cumulativeDecline(annual.values().stream().map(f -> f.value).toList());
            years = List.copyOf(annual.keySet());
            used = latest(annual, years);
        }
        VerdictRules.Outcome o = VerdictRules.decline(cumulative, target.value, tolerance(indicator, target), ctx.stage);
        return new Judgement(o.verdict(), o.rule(), wording.cumulativeDecline(cumulative, target, o.expected(), ctx.share, o.verdict()),
                used, cumulative, o.threshold(), o.expected(), null, years);
    }

    /** 年均下降3% on yearly decline rates: their average so far, compounded. */
    private Judgement averageDecline(EvaluationContext ctx, Indicator indicator, Target target) {
        Map<Integer, Observation> annual = annual(ctx, indicator, Target.Measure.LEVEL);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || !missing.isEmpty()) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.missingDeclineRates(missing));
        }
        VerdictRules.Outcome o = VerdictRules.averageDecline(annual.values().stream().map(f -> f.value).toList(),
                target.value, tolerance(indicator, target), ctx.stage);
        List<Integer> years = List.copyOf(annual.keySet());
        return new Judgement(o.verdict(), o.rule(), wording.averageDecline(years, o.actual(), indicator, target, o.verdict()),
                latest(annual, years), o.actual(), o.threshold(), null, null, years);
    }

    /** 累计新增就业5万人: the yearly amounts of the period so far, summed; every year is needed. */
    private Judgement cumulativeSum(EvaluationContext ctx, Indicator indicator, Target target) {
        Map<Integer, Observation> annual = annual(ctx, indicator, Target.Measure.LEVEL);
        List<Integer> missing = missingYears(ctx, annual);
        if (annual.isEmpty() || !missing.isEmpty()) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.missingSumYears(missing));
        }
        VerdictRules.Outcome o = VerdictRules.cumulativeSum(annual.values().stream().map(f -> f.value).toList(),
                target.value, tolerance(indicator, target), ctx.stage);
        List<Integer> years = List.copyOf(annual.keySet());
        return new Judgement(o.verdict(), o.rule(), wording.cumulativeSum(years, o.actual(), indicator.unit, target, o.expected(), o.verdict()),
                latest(annual, years), o.actual(), o.threshold(), o.expected(), null, years);
    }

    /** 建成, 全覆盖, 完成省下达任务: the result the department recorded for the year, with its evidence. */
    private Judgement yesNo(EvaluationContext ctx, Indicator indicator, Target target) {
        // The latest result recorded up to the year stands: a platform done in 2018 is still done in 2020.
        Observation o = null;
        for (int y = ctx.year; y >= ctx.plan.startYear && o == null; y--) {
            Observation recorded = ctx.own(indicator, y);
            o = recorded != null && recorded.completed != null ? recorded : null;
        }
        if (o == null) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.taskNotRecorded(ctx.year));
        }
        VerdictRules.Outcome outcome = VerdictRules.yesNo(o.completed, ctx.stage);
        return new Judgement(outcome.verdict(), outcome.rule(), wording.task(target, o, outcome.verdict()), o, null, null, null, null,
                List.of(ctx.year));
    }

    /** 翻一番, 累计增长30%, 比2010年下降40%, 提高2个百分点: the level against what the base year's level calls for. */
    private Judgement fromBase(EvaluationContext ctx, Indicator indicator, Target target) {
        Observation found = ctx.find(indicator, ctx.year, Target.Measure.LEVEL);
        Judgement unusable = unusable(found, ctx.year, Target.Measure.LEVEL);
        if (unusable != null) {
            return unusable;
        }
        BigDecimal v = found.value;
        int baseYear = target.baseYear;
        BigDecimal b = comparableLevel(ctx.find(indicator, baseYear, Target.Measure.LEVEL));
        if (b == null || (b.signum() <= 0 && target.kind != Target.Kind.POINTS_FROM_BASE)) {
            return new Judgement(Verdict.NOT_EVALUABLE, "NO_BASELINE", wording.fromBaseNoBaseline(v, indicator.unit, target, baseYear),
                    found, v, null, null, null, List.of(ctx.year));
        }
        BigDecimal share = BigDecimal.valueOf(ctx.year - baseYear).divide(BigDecimal.valueOf(ctx.plan.endYear - baseYear), 4, RoundingMode.HALF_UP);
        VerdictRules.Outcome o = VerdictRules.fromBase(target.kind, target.value, b, v, ctx.isFinal, share, ctx.plan.endYear - baseYear);
        return new Judgement(o.verdict(), o.rule(),
                wording.fromBase(v, indicator.unit, target, baseYear, b, o.threshold(), o.expected(), o.verdict()),
                found, v, o.threshold(), o.expected(), b, List.of(ctx.year));
    }

    /** 与经济增长(基本)同步: growth not below the reference indicator's (less the 基本 band). */
    private Judgement relative(EvaluationContext ctx, Indicator indicator, Target target) {
        Indicator reference = target.referenceIndicator;
        BigDecimal tol = tolerance(indicator, target);
        Observation own = ctx.find(indicator, ctx.year, Target.Measure.GROWTH_RATE);
        Observation ref = reference == null ? null : ctx.find(reference, ctx.year, Target.Measure.GROWTH_RATE);
        boolean fiveYear = ctx.plan.kind == Plan.Kind.FIVE_YEAR;
        if (own != null && own.growthRate != null && ref != null && ref.growthRate != null && !fiveYear) {
            BigDecimal g = own.growthRate;
            BigDecimal r = ref.growthRate;
            VerdictRules.Outcome o = VerdictRules.inStep(g, r, tol, ctx.stage, "GROWTH_IN_STEP_WITH_REFERENCE");
            return new Judgement(o.verdict(), o.rule(), wording.inStep(g, reference, r, target, o.verdict()),
                    own, g, o.threshold(), null, null, List.of(ctx.year));
        }
        if (fiveYear) {
            Map<Integer, Observation> mine = annual(ctx, indicator, Target.Measure.GROWTH_RATE);
            Map<Integer, Observation> theirs = reference == null ? Map.of() : annual(ctx, reference, Target.Measure.GROWTH_RATE);
            mine.keySet().retainAll(theirs.keySet());
            // A final verdict compares the whole period: every year of both, or none.
            List<Integer> missing = missingYears(ctx, mine);
            // Where figures lack, an official statement of the period (its final evaluation's words) still decides below.
            boolean figuresDecide = !mine.isEmpty() && (!ctx.isFinal || missing.isEmpty());
            if (ctx.isFinal && !figuresDecide && !statesInWords(own)) {
                return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.missingReferenceGrowth(missing));
            }
            if (figuresDecide) {
                BigDecimal g = VerdictRules.geometricMean(mine.values().stream().map(f -> f.growthRate).toList());
                BigDecimal r = VerdictRules.geometricMean(mine.keySet().stream().map(y -> theirs.get(y).growthRate).toList());
                VerdictRules.Outcome o = VerdictRules.inStep(g, r, tol, ctx.stage, "AVERAGE_GROWTH_IN_STEP_WITH_REFERENCE");
                List<Integer> years = List.copyOf(mine.keySet());
                return new Judgement(o.verdict(), o.rule(), wording.averageInStep(years, g, reference, r, target, o.verdict()),
                        latest(mine, years), g, o.threshold(), null, null, years);
            }
        }
        // Where the source reports only words (the 2017 report: "与经济增长基本同步"), the official statement decides.
        Verdict stated = statesInWords(own) && own.status != Observation.Status.ESTIMATE ? VerdictRules.statedInStep(own.qualitativeZh, ctx.stage) : null;
        if (stated != null) {
            return new Judgement(stated, "OFFICIAL_QUALITATIVE_STATEMENT", wording.officialStatement(own, target, stated),
                    own, null, null, null, null, List.of(ctx.year));
        }
        return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.noReferenceGrowth(ctx.year));
    }

    private static boolean statesInWords(Observation own) {
        return own != null && own.qualitativeZh != null && !own.hasNumber();
    }

    /** A level to measure from: none where it is missing or of another caliber. */
    private static BigDecimal comparableLevel(Observation base) {
        return base == null || base.value == null || !base.comparable ? null : base.value;
    }

    private static Observation latest(Map<Integer, Observation> annual, List<Integer> years) {
        return annual.get(years.get(years.size() - 1));
    }

    /** Single-year values for each year of the period up to the evaluated one. */
    private static Map<Integer, Observation> annual(EvaluationContext ctx, Indicator indicator, Target.Measure measure) {
        Map<Integer, Observation> annual = new TreeMap<>();
        for (int y = ctx.plan.startYear; y <= ctx.year; y++) {
            Observation f = ctx.find(indicator, y, measure);
            if (f != null && f.comparable && number(f, measure) != null && (f.periodStart == null || f.periodStart == y)) {
                annual.put(y, f);
            }
        }
        return annual;
    }

    private static List<Integer> missingYears(EvaluationContext ctx, Map<Integer, Observation> annual) {
        List<Integer> missing = new ArrayList<>();
        for (int y = ctx.plan.startYear; y <= ctx.year; y++) {
            if (!annual.containsKey(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** Why an observation cannot be judged: none, caliber change, estimate pending, or words only. */
    private Judgement unusable(Observation o, int year, Target.Measure measure) {
        if (o == null) {
            return Judgement.of(Verdict.NOT_EVALUABLE, "NO_DATA", wording.noValue(year));
        }
        if (!o.comparable) {
            return new Judgement(Verdict.NOT_COMPARABLE, "CALIBER_CHANGED", wording.caliberChanged(number(o, measure)),
                    o, number(o, measure), null, null, null, List.of(o.year));
        }
        if (number(o, measure) == null) {
            Words words = o.status == Observation.Status.ESTIMATE ? wording.estimatePending(o) : wording.wordsOnly(o);
            String rule = o.status == Observation.Status.ESTIMATE ? "ESTIMATE_PENDING" : "NO_NUMBER";
            return new Judgement(Verdict.NOT_EVALUABLE, rule, words, o, null, null, null, null, List.of(o.year));
        }
        return null;
    }
}
