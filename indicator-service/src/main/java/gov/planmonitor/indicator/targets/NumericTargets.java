package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.targets.Target.Kind;
import gov.planmonitor.indicator.targets.Target.Measure;
import gov.planmonitor.indicator.targets.TargetParser.Context;
import gov.planmonitor.indicator.targets.TargetParser.Parsed;
import gov.planmonitor.support.problem.ServiceException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static gov.planmonitor.indicator.targets.TargetChecks.mismatch;
import static gov.planmonitor.indicator.targets.TargetChecks.requireIndicatorUnit;
import static gov.planmonitor.indicator.targets.TargetChecks.requireKnown;
import static gov.planmonitor.indicator.targets.TargetChecks.requireReachable;

/** The numeric forms of a target: bounds, levels to reach, 左右, average growth and decline, the decline over the period. */
final class NumericTargets {

    private static final Pattern NUMERIC = Pattern.compile(
            "^(控制在|达到|达|增长|下降|保持在|保持|不低于|不少于|不高于|不超过|超过|高于|低于|少于)?\\s*(≥|≤|>=|<=|＞|＜|>|<)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*"
                    + "(/\\d+万人?|[^\\d\\s左以或及]*?)\\s*(左右|(?:或|及)?以上|以内|(?:或|及)?以下)?$");

    private final IndicatorConfig config;

    NumericTargets(IndicatorConfig config) {
        this.config = config;
    }

    /**
     * A number with what the text says of it (≥94, 50以上, 7‰以内, 70左右, 达到80%, 增长7%, 年均增长7%, 累计下降15%, 下降3.6%): a
     * bound, a level to reach or about, an average growth or decline, or a decline over the period; scope and change are
     * what the parser took off the text's front (年均 / 累计 / 比…年, 增长 / 下降).
     */
    Parsed parse(String rawText, String text, String change, String scope, boolean yearOnYear, int baseYear, Kind requested, Context context) {
        Matcher m = NUMERIC.matcher(text);
        if (!m.matches()) {
            throw new ServiceException.Invalid("target.text", "cannot parse target text '" + rawText
                    + "': expected forms like 7左右, ≥94, 50以上, 7‰以内, 控制在673万吨标准煤以内, 年均增长7%左右, 累计下降15%, "
                    + "比2015年下降18%, 与经济增长同步 (or kind QUALITATIVE)");
        }
        String verb = m.group(1);
        if ("增长".equals(verb) || "下降".equals(verb)) {
            change = change == null ? verb : change;
            verb = null;
        }
        String symbol = m.group(2);
        BigDecimal value = new BigDecimal(m.group(3));
        String unit = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4);
        String suffix = m.group(5);

        requireKnown(rawText, unit, context);
        if (value.abs().compareTo(new BigDecimal("1e15")) > 0 || value.scale() > 6) {
            throw new ServiceException.Invalid("target.text", "target value in '" + rawText + "' is out of range (at most 15 integer and 6 decimal digits)");
        }
        // Bounds are inclusive: 超过 and 少于 as 不低于 and 不超过 (a plan's "more than 285" is met by 285 in every report read).
        boolean atLeast = ">".equals(symbol) || ">=".equals(symbol) || "≥".equals(symbol) || "＞".equals(symbol)
                || (suffix != null && suffix.endsWith("以上"))
                || "不低于".equals(verb) || "不少于".equals(verb) || "超过".equals(verb) || "高于".equals(verb);
        boolean atMost = "<".equals(symbol) || "<=".equals(symbol) || "≤".equals(symbol) || "＜".equals(symbol) || "以内".equals(suffix)
                || (suffix != null && suffix.endsWith("以下"))
                || "控制在".equals(verb) || "不高于".equals(verb) || "不超过".equals(verb) || "低于".equals(verb) || "少于".equals(verb);
        boolean about = "左右".equals(suffix);
        if (about && (atLeast || (atMost && !"控制在".equals(verb)))) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is both about a number (左右) and a bound");
        }
        if (atLeast && atMost) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is both a floor and a ceiling");
        }
        if (change != null && value.signum() < 0) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' gives a direction (" + change
                    + ") and a negative number; write the change as a positive number (下降3%, not 下降-3%)");
        }
        boolean fiveYear = context.fiveYear();
        if (scope != null && !fiveYear) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is " + scope
                    + " over several years, but an annual plan covers one year: give the year's own target (增长7%, 下降3%)");
        }
        Indicator.Measures measures = context.measures();
        // The text's change must be what the indicator's yearly values measure: never judged backwards.
        if ("下降".equals(change) && measures == Indicator.Measures.GROWTH_RATE) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a decline (下降), but the indicator measures"
                    + " GROWTH_RATE (the year's growth): a decline target belongs on an indicator that measures DECLINE_RATE or LEVEL");
        }
        if ("增长".equals(change) && measures == Indicator.Measures.DECLINE_RATE) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a growth (增长), but the indicator measures"
                    + " DECLINE_RATE (the year's decline): a growth target belongs on an indicator that measures GROWTH_RATE or LEVEL");
        }
        if ("累计".equals(scope) && !"下降".equals(change)) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText
                    + "': growth over the whole period is not a target kind; give the average annual growth (年均增长…%) or the level to reach");
        }
        if (scope != null && atMost) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "': a " + scope
                    + " change with a ceiling (以内) is not a target kind; a 年均增长 or 累计下降 target is a floor");
        }
        boolean printedAverage = "年均".equals(scope);
        boolean averageDecline = printedAverage && "下降".equals(change);
        boolean printedDecline = !averageDecline && "下降".equals(change) && ((fiveYear && !yearOnYear) || "累计".equals(scope));
        // What the indicator measures decides only for a bare number (the text says nothing of the change it means).
        boolean bare = scope == null && change == null && verb == null && symbol == null && !atLeast && !atMost;
        // On a five-year plan's 年均…增长率 or …下降率 indicator, a floor (≥7, 7以上) bounds the average growth or the
        // decline over the period, as a bare number does: the values recorded there are yearly rates, not the target's measure.
        boolean floorOrBare = bare || (atLeast && !yearOnYear);
        boolean declineName = context.declineRates();
        boolean averageGrowth = (printedAverage && !averageDecline) || (floorOrBare && fiveYear && context.growthRates());
        boolean declineRate = printedDecline || (floorOrBare && fiveYear && declineName);

        Kind inferred;
        if (averageDecline) {
            inferred = Kind.AVERAGE_ANNUAL_DECLINE;
        } else if (averageGrowth) {
            inferred = Kind.AVERAGE_ANNUAL_GROWTH;
        } else if (declineRate) {
            inferred = Kind.CUMULATIVE_DECLINE;
        } else if (atLeast) {
            inferred = Kind.AT_LEAST;
        } else if (atMost) {
            inferred = Kind.AT_MOST;
        } else if (about) {
            inferred = Kind.ABOUT;
        } else {
            inferred = Kind.REACH;
        }
        Kind kind = requested == null ? inferred : requested;
        // Where the text names the kind itself (年均, 累计下降), a requested kind must agree with it.
        boolean textDecides = printedAverage || printedDecline;
        if (requested != null && (!compatible(requested, atLeast, atMost, about) || (textDecides && requested != inferred))) {
            throw mismatch(rawText, requested, inferred);
        }

        // A growth target: the kind says so, or the text's unit is a rate while the indicator's is a level (6.5% on 亿元).
        boolean indicatorIsRate = context.indicatorIsRate();
        boolean textIsRate = context.units().isRate(unit);
        boolean declineKind = kind == Kind.CUMULATIVE_DECLINE || kind == Kind.AVERAGE_ANNUAL_DECLINE;
        // A growth target: the kind says so, the indicator's values are growth rates, or the text's unit is a rate while
        // the indicator's is a level (6.5% on 亿元).
        Measure measure = kind == Kind.AVERAGE_ANNUAL_GROWTH || (!declineKind && (context.growthRates() || "增长".equals(change)
                || (textIsRate && !indicatorIsRate))) ? Measure.GROWTH_RATE : Measure.LEVEL;
        // The decline over the period compounds the yearly decline rates: only an indicator that records them has them (a
        // level's decline from its base year is a CHANGE_FROM_BASE, read before).
        if (kind == Kind.CUMULATIVE_DECLINE && !declineName) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a decline over the period (CUMULATIVE_DECLINE),"
                    + " judged from yearly decline rates, but the indicator measures " + measures + ", not DECLINE_RATE");
        }
        if (kind == Kind.AVERAGE_ANNUAL_GROWTH && declineName) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is an average annual growth, but the indicator"
                    + " measures DECLINE_RATE (the year's decline)");
        }
        // 下降3.6% on its own is the year's decline: the indicator records yearly decline rates (as 2017's 能耗 does).
        if ("下降".equals(change) && !declineKind && !declineName) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is the year's decline, judged on yearly decline"
                    + " rates, but the indicator measures " + measures + ", not DECLINE_RATE");
        }
        requireIndicatorUnit(rawText, unit, context);
        requireReachable(rawText, measure, value, context);
        BigDecimal tolerance = about ? aboutTolerance(value, measure == Measure.GROWTH_RATE || indicatorIsRate || textIsRate) : null;
        // 比上年… in a five-year plan: each year's change, judged every year (in an annual plan the one year is all there is).
        if (kind == Kind.AVERAGE_ANNUAL_DECLINE && measures == Indicator.Measures.LEVEL && context.direction() == Indicator.Direction.INCREASE) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a decline, but the indicator's direction is INCREASE");
        }
        // 年均下降 of a level is measured from the base year's level; of decline rates, from the rates themselves.
        Integer declineBase = kind == Kind.AVERAGE_ANNUAL_DECLINE && measures == Indicator.Measures.LEVEL ? baseYear : null;
        return new Parsed(kind, measure, value, null, null, yearOnYear && fiveYear, declineBase, tolerance, unit, false);
    }

    private BigDecimal aboutTolerance(BigDecimal value, boolean rate) {
        if (rate) {
            return config.evaluation().aboutTolerancePoints();
        }
        return value.abs().multiply(config.evaluation().aboutToleranceShare()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static boolean compatible(Kind kind, boolean atLeast, boolean atMost, boolean about) {
        return switch (kind) {
            case AT_LEAST -> atLeast;
            case AT_MOST -> atMost;
            case ABOUT -> about;
            case REACH -> !atLeast && !atMost && !about;
            case RANGE, MULTIPLE_OF_BASE, CHANGE_FROM_BASE, POINTS_FROM_BASE -> false;
            case AVERAGE_ANNUAL_GROWTH, AVERAGE_ANNUAL_DECLINE, CUMULATIVE_DECLINE -> !atMost;
            case RELATIVE, CUMULATIVE_SUM -> false;
            case QUALITATIVE, YES_NO -> true;
        };
    }
}
