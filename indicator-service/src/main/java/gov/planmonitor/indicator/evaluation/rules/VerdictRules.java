package gov.planmonitor.indicator.evaluation.rules;

import gov.planmonitor.indicator.indicators.Indicator.Direction;
import gov.planmonitor.indicator.targets.Target.Kind;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The rulebook as pure functions (README, "The rulebook"): numbers in, verdict, rule and the numbers it rests on out.
 * No loading, no wording: EvaluationService finds the values and words the explanation; these decide.
 */
public final class VerdictRules {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private VerdictRules() {
    }

    /**
     * Where in its period a plan is judged: its final year, or a year during it with the elapsed share of the period
     * (2017 of 2016–2020: 0.4).
     */
    public record Stage(boolean isFinal, BigDecimal share, int periodYears) {
        public static Stage of(int startYear, int endYear, int year) {
            BigDecimal share = BigDecimal.valueOf(year - startYear + 1).divide(BigDecimal.valueOf(endYear - startYear + 1), 4, RoundingMode.HALF_UP);
            return new Stage(year == endYear, share, endYear - startYear + 1);
        }
    }

    /** A verdict with the rule applied and its numbers (null where a rule has none). */
    public record Outcome(Verdict verdict, String rule, BigDecimal actual, BigDecimal threshold, BigDecimal expected) {
    }

    /**
     * A target on one year's value: its kind, the number t (a RANGE's low end), a RANGE's high end, and the band (0 for a
     * binding indicator or a target printed without 左右).
     */
    public record Bound(Kind kind, BigDecimal t, BigDecimal high, BigDecimal band) {
    }

    /**
     * ≥, ≤, reach, 左右 and range targets on one year's value v (a level, or a growth rate when {@code growth}). The 左右
     * band widens every kind that prints it the same way: a floor to t − band, a ceiling to t + band. During a
     * five-year plan a level still to be reached (a plain number, a range, or a bound on a stock such as 50以上 companies)
     * is AHEAD once met, else judged against the straight line from the baseline (NOT_EVALUABLE, NO_BASELINE, without
     * one). What must hold every year is judged as it stands: a growth rate, a level to maintain (never AHEAD), and what the
     * caller says holds every year ({@code holdsEveryYear}: a bound on a rate such as ≤4.5% unemployment, a 比上年 target).
     */
    public static Outcome level(Bound target, Direction direction, BigDecimal v, boolean growth, boolean holdsEveryYear,
                                Stage stage, BigDecimal baseline) {
        BigDecimal t = target.t();
        BigDecimal band = target.band();
        // Which way the value must go to meet the target, for the path from the baseline.
        boolean falling;
        boolean meets;
        BigDecimal threshold;
        BigDecimal goal = t;
        String rule;
        switch (target.kind()) {
            case AT_LEAST -> {
                threshold = t.subtract(band);
                meets = v.compareTo(threshold) >= 0;
                falling = false;
                rule = "AT_LEAST";
            }
            case AT_MOST -> {
                threshold = t.add(band);
                meets = v.compareTo(threshold) <= 0;
                falling = true;
                rule = "AT_MOST";
            }
            case RANGE -> {
                // The range's far end is no ceiling for a rising indicator (nor its near end a floor for a falling one).
                switch (direction) {
                    case DECREASE -> {
                        threshold = target.high();
                        goal = target.high();
                        meets = v.compareTo(threshold) <= 0;
                    }
                    case MAINTAIN -> {
                        threshold = t;
                        meets = v.compareTo(t) >= 0 && v.compareTo(target.high()) <= 0;
                    }
                    default -> {
                        threshold = t;
                        meets = v.compareTo(t) >= 0;
                    }
                }
                falling = direction == Direction.DECREASE;
                rule = "RANGE";
            }
            default -> {
                switch (direction) {
                    case DECREASE -> {
                        threshold = t.add(band);
                        meets = v.compareTo(threshold) <= 0;
                    }
                    case MAINTAIN -> {
                        threshold = t;
                        meets = v.subtract(t).abs().compareTo(band) <= 0;
                    }
                    default -> {
                        threshold = t.subtract(band);
                        meets = v.compareTo(threshold) >= 0;
                    }
                }
                falling = direction == Direction.DECREASE;
                rule = target.kind() == Kind.ABOUT ? "ABOUT_WITHIN_BAND" : "REACH_LEVEL";
            }
        }
        boolean asItStands = growth || direction == Direction.MAINTAIN || holdsEveryYear;
        if (stage.isFinal() || asItStands) {
            return new Outcome(stage.isFinal() ? (meets ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED) : (meets ? Verdict.ON_TRACK : Verdict.LAGGING),
                    rule, v, threshold, null);
        }
        if (meets) {
            return new Outcome(Verdict.AHEAD, rule + "_AHEAD", v, threshold, null);
        }
        if (baseline == null) {
            return new Outcome(Verdict.NOT_EVALUABLE, "NO_BASELINE", v, threshold, null);
        }
        BigDecimal expected = shown(baseline.add(goal.subtract(baseline).multiply(stage.share(), MC), MC), baseline, goal);
        boolean onTrack = falling ? v.compareTo(expected.add(band)) <= 0 : v.compareTo(expected.subtract(band)) >= 0;
        return new Outcome(onTrack ? Verdict.ON_TRACK : Verdict.LAGGING, "LINEAR_PROGRESS_FROM_BASELINE", v, threshold, expected);
    }

    /**
     * 年均增长 from the yearly growth rates so far (in order, the caller has checked the years): the geometric mean against
     * t − band; during the period AHEAD once the growth so far compounds to the whole period's.
     */
    public static Outcome averageGrowth(List<BigDecimal> rates, BigDecimal t, BigDecimal band, Stage stage) {
        BigDecimal product = compound(rates);
        BigDecimal mean = geometricMean(rates);
        BigDecimal threshold = t.subtract(band);
        BigDecimal wholePeriod = BigDecimal.ONE.add(t.divide(HUNDRED, MC)).pow(stage.periodYears(), MC);
        Verdict verdict;
        if (stage.isFinal()) {
            verdict = mean.compareTo(threshold) >= 0 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED;
        } else if (product.compareTo(wholePeriod) >= 0) {
            verdict = Verdict.AHEAD;
        } else {
            verdict = mean.compareTo(threshold) >= 0 ? Verdict.ON_TRACK : Verdict.LAGGING;
        }
        return new Outcome(verdict, "AVERAGE_GROWTH_GEOMETRIC_MEAN", mean, threshold, null);
    }

    /** The plan's own printed average growth for the whole period against t − band. */
    public static Outcome periodAverageGrowth(BigDecimal average, BigDecimal t, BigDecimal band) {
        BigDecimal threshold = t.subtract(band);
        return new Outcome(average.compareTo(threshold) >= 0 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED, "AVERAGE_GROWTH_AT_LEAST_TARGET",
                average, threshold, null);
    }

    /**
     * 年均下降 from the yearly decline rates so far: the average decline 1 − (∏(1 − r))^(1/k) against t − band; during the
     * period AHEAD once the decline so far reaches the whole period's 1 − (1 − t)^n (the mirror of average growth).
     */
    public static Outcome averageDecline(List<BigDecimal> rates, BigDecimal t, BigDecimal band, Stage stage) {
        BigDecimal remaining = BigDecimal.ONE;
        for (BigDecimal r : rates) {
            remaining = remaining.multiply(BigDecimal.ONE.subtract(r.divide(HUNDRED, MC)), MC);
        }
        BigDecimal mean = BigDecimal.valueOf((1 - Math.pow(remaining.doubleValue(), 1.0 / rates.size())) * 100).setScale(2, RoundingMode.HALF_UP);
        BigDecimal threshold = t.subtract(band);
        BigDecimal wholePeriod = BigDecimal.ONE.subtract(BigDecimal.ONE.subtract(t.divide(HUNDRED, MC)).pow(stage.periodYears(), MC));
        Verdict verdict;
        if (stage.isFinal()) {
            verdict = mean.compareTo(threshold) >= 0 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED;
        } else if (BigDecimal.ONE.subtract(remaining).compareTo(wholePeriod) >= 0) {
            verdict = Verdict.AHEAD;
        } else {
            verdict = mean.compareTo(threshold) >= 0 ? Verdict.ON_TRACK : Verdict.LAGGING;
        }
        return new Outcome(verdict, "AVERAGE_DECLINE_GEOMETRIC_MEAN", mean, threshold, null);
    }

    /**
     * 累计新增就业5万人: the sum of the yearly flows so far against t − band; during the period AHEAD once t is reached, else
     * against the same amount every year, t × share, less the band: the constant path of a sum, as the constant rate is
     * of a growth or a decline.
     */
    public static Outcome cumulativeSum(List<BigDecimal> flows, BigDecimal t, BigDecimal band, Stage stage) {
        BigDecimal sum = flows.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal threshold = t.subtract(band);
        if (stage.isFinal()) {
            return new Outcome(sum.compareTo(threshold) >= 0 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED, "CUMULATIVE_SUM", sum, threshold, null);
        }
        if (sum.compareTo(t) >= 0) {
            return new Outcome(Verdict.AHEAD, "CUMULATIVE_SUM", sum, threshold, null);
        }
        BigDecimal expected = shown(t.multiply(stage.share(), MC), t);
        return new Outcome(sum.compareTo(expected.subtract(band)) >= 0 ? Verdict.ON_TRACK : Verdict.LAGGING, "CUMULATIVE_SUM", sum, threshold, expected);
    }

    /**
     * A task done or not (建成, 全覆盖, 完成省下达任务), as the department records it: done is ACHIEVED at the end and AHEAD
     * before it; not done is NOT_ACHIEVED at the end, and before it not yet judged (NOT_EVALUABLE): a task due at the end
     * is not late while the period runs.
     */
    public static Outcome yesNo(boolean done, Stage stage) {
        if (done) {
            return new Outcome(stage.isFinal() ? Verdict.ACHIEVED : Verdict.AHEAD, "TASK_DONE", null, null, null);
        }
        return new Outcome(stage.isFinal() ? Verdict.NOT_ACHIEVED : Verdict.NOT_EVALUABLE, stage.isFinal() ? "TASK_NOT_DONE" : "TASK_DUE_AT_END",
                null, null, null);
    }

    /** 1 − ∏(1 − r) over the yearly decline rates, as a percentage rounded to two places. */
    public static BigDecimal cumulativeDecline(List<BigDecimal> rates) {
        BigDecimal remaining = BigDecimal.ONE;
        for (BigDecimal r : rates) {
            remaining = remaining.multiply(BigDecimal.ONE.subtract(r.divide(HUNDRED, MC)), MC);
        }
        return BigDecimal.ONE.subtract(remaining).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * 累计下降: the decline so far against t − band; during the period AHEAD once t is reached, else against the
     * constant-rate path, the decline due by now if every year fell by the same rate: 1 − (1 − t)^share, less the band
     * (15% over five years: 3.2% a year, 6.29% after two years). The same principle as average growth, whose mean so far
     * against t is its own constant-rate path.
     */
    public static Outcome decline(BigDecimal cumulative, BigDecimal t, BigDecimal band, Stage stage) {
        BigDecimal threshold = t.subtract(band);
        if (stage.isFinal()) {
            return new Outcome(cumulative.compareTo(threshold) >= 0 ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED, "CUMULATIVE_DECLINE",
                    cumulative, threshold, null);
        }
        if (cumulative.compareTo(t) >= 0) {
            return new Outcome(Verdict.AHEAD, "CUMULATIVE_DECLINE", cumulative, threshold, null);
        }
        BigDecimal expected = BigDecimal.valueOf((1 - Math.pow(1 - t.doubleValue() / 100, stage.share().doubleValue())) * 100)
                .setScale(2, RoundingMode.HALF_UP);
        return new Outcome(cumulative.compareTo(expected.subtract(band)) >= 0 ? Verdict.ON_TRACK : Verdict.LAGGING, "CUMULATIVE_DECLINE",
                cumulative, threshold, expected);
    }

    /**
     * A level measured from the base year's b: the level required is b × factor (MULTIPLE_OF_BASE, 翻一番: 2), b × (1 + c)
     * (CHANGE_FROM_BASE, c in %, negative for a decline), b × (1 − d)^years (AVERAGE_ANNUAL_DECLINE of a level, d in %, over
     * the years from the base year to the plan's end) or b + p (POINTS_FROM_BASE, percentage points). Final: v
     * against it. During the period AHEAD once met, else against the path from the base year, the constant-rate path
     * b × (required / b)^share for the multiplicative kinds and the straight line b + p × share for points, where share
     * is the part of the years from the base year to the plan's end that has passed.
     */
    public static Outcome fromBase(Kind kind, BigDecimal value, BigDecimal b, BigDecimal v, boolean isFinal, BigDecimal share, int years) {
        BigDecimal exact = switch (kind) {
            case MULTIPLE_OF_BASE -> b.multiply(value, MC);
            case POINTS_FROM_BASE -> b.add(value, MC);
            // 年均下降3% of a level: the base year's level falling by 3% in each of the years to the plan's end.
            case AVERAGE_ANNUAL_DECLINE -> b.multiply(BigDecimal.ONE.subtract(value.divide(HUNDRED, MC)).pow(years, MC), MC);
            default -> b.multiply(BigDecimal.ONE.add(value.divide(HUNDRED, MC), MC), MC);
        };
        BigDecimal required = shown(exact, b);
        boolean rising = switch (kind) {
            case MULTIPLE_OF_BASE -> value.compareTo(BigDecimal.ONE) > 0;
            case AVERAGE_ANNUAL_DECLINE -> false;
            default -> value.signum() > 0;
        };
        boolean meets = rising ? v.compareTo(required) >= 0 : v.compareTo(required) <= 0;
        String rule = kind.name();
        if (isFinal) {
            return new Outcome(meets ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED, rule, v, required, null);
        }
        if (meets) {
            return new Outcome(Verdict.AHEAD, rule + "_AHEAD", v, required, null);
        }
        BigDecimal expected;
        String path;
        if (kind == Kind.POINTS_FROM_BASE) {
            expected = shown(b.add(value.multiply(share, MC), MC), b);
            path = "LINEAR_PROGRESS_FROM_BASELINE";
        } else {
            // The path from the exact level required, not from its shown form.
            double ratio = exact.doubleValue() / b.doubleValue();
            expected = shown(BigDecimal.valueOf(b.doubleValue() * Math.pow(ratio, share.doubleValue())), b);
            path = "CONSTANT_RATE_FROM_BASE";
        }
        boolean onTrack = rising ? v.compareTo(expected) >= 0 : v.compareTo(expected) <= 0;
        return new Outcome(onTrack ? Verdict.ON_TRACK : Verdict.LAGGING, path, v, required, expected);
    }

    /** 与经济增长(基本)同步: growth g not below the reference growth r less the band. */
    public static Outcome inStep(BigDecimal g, BigDecimal r, BigDecimal band, Stage stage, String rule) {
        BigDecimal threshold = r.subtract(band);
        boolean meets = g.compareTo(threshold) >= 0;
        return new Outcome(stage.isFinal() ? (meets ? Verdict.ACHIEVED : Verdict.NOT_ACHIEVED) : (meets ? Verdict.ON_TRACK : Verdict.LAGGING),
                rule, g, threshold, null);
    }

    /**
     * 与经济增长同步 stated only in words (the 2017 report: "与经济增长基本同步"): the official statement decides either way,
     * 同步 is met, a negation (未同步, 低于经济增长, 慢于, 滞后) is not; null when the words do not speak of it.
     */
    public static Verdict statedInStep(String words, Stage stage) {
        if (!words.contains("同步") && !words.contains("经济增长")) {
            return null;
        }
        boolean negated = words.matches(".*(未|不|低于|慢于|滞后).*");
        return negated ? (stage.isFinal() ? Verdict.NOT_ACHIEVED : Verdict.LAGGING) : (stage.isFinal() ? Verdict.ACHIEVED : Verdict.ON_TRACK);
    }

    /**
     * A figure the rules compute (a level required, a path's level due, a sum due) as the explanation shows it: to two
     * decimals, or to the decimals of the numbers it is computed from where they have more. It is compared as shown, so a
     * verdict never contradicts the numbers printed beside it (0.43 shown as required is met by 0.43), as the means,
     * declines and constant-rate paths, computed to two decimals, already were.
     */
    static BigDecimal shown(BigDecimal figure, BigDecimal... from) {
        int scale = 2;
        for (BigDecimal f : from) {
            scale = Math.max(scale, f.stripTrailingZeros().scale());
        }
        return figure.setScale(scale, RoundingMode.HALF_UP);
    }

    /** The geometric mean of yearly growth rates in %, rounded to two places: ((∏(1 + g))^(1/n) − 1) × 100. */
    public static BigDecimal geometricMean(List<BigDecimal> rates) {
        return BigDecimal.valueOf((Math.pow(compound(rates).doubleValue(), 1.0 / rates.size()) - 1) * 100).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal compound(List<BigDecimal> rates) {
        BigDecimal product = BigDecimal.ONE;
        for (BigDecimal g : rates) {
            product = product.multiply(BigDecimal.ONE.add(g.divide(HUNDRED, MC)), MC);
        }
        return product;
    }
}
