package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.repository.Indicator;
import gov.planmonitor.indicator.repository.Plan;
import gov.planmonitor.indicator.repository.Target.Kind;
import gov.planmonitor.indicator.repository.Target.Measure;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a target as the plan documents print it ("7左右", "≥94", "50以上", "控制在9‰以内", "与经济增长基本同步",
 * "年均增长7%左右", "累计下降15%", "比2015年下降18%", "力争达到80%") into a typed target. The printed text decides the
 * kind where it says it (年均, 累计/比…年, 下降, ≥/以上, ≤/以内, 左右); what the indicator states it measures decides only
 * for a bare number (a growth or decline rate of a five-year plan: the average growth, the decline over the period). Text it cannot read is rejected, never stored as something else.
 */
@ApplicationScoped
public class TargetParser {

    /** What the parser knows of the indicator the target belongs to. */
    public record Context(Plan.Kind planKind, int planStartYear, String indicatorName, String indicatorUnit, Indicator.Direction direction,
                          Indicator.Measures measures, UnitCatalog.Units units) {
        boolean fiveYear() {
            return planKind == Plan.Kind.FIVE_YEAR;
        }

        boolean indicatorIsRate() {
            return units.isRate(indicatorUnit);
        }

        /** The indicator's yearly values are decline rates (单位GDP能耗下降率), as it states. */
        boolean declineRates() {
            return measures == Indicator.Measures.DECLINE_RATE;
        }

        /** The indicator's yearly values are growth rates (地区生产总值增长率), as it states. */
        boolean growthRates() {
            return measures == Indicator.Measures.GROWTH_RATE;
        }
    }

    public record Parsed(Kind kind, Measure measure, BigDecimal value, BigDecimal valueHigh, BigDecimal stretch, boolean everyYear,
                         Integer baseYear, BigDecimal tolerance, String textUnit, boolean basically) {
        Parsed withStretch(BigDecimal stretch) {
            return new Parsed(kind, measure, value, valueHigh, stretch, everyYear, baseYear, tolerance, textUnit, basically);
        }

        /** A target measured from a base year's level. */
        static Parsed fromBase(Kind kind, BigDecimal value, int baseYear, String textUnit) {
            return new Parsed(kind, Measure.LEVEL, value, null, null, false, baseYear, null, textUnit, false);
        }
    }

    /** Words of aspiration in front of a target (力争 "strive to"): they do not change what is measured. */
    private static final Pattern ASPIRATION = Pattern.compile("^(力争|争取|确保)");
    /** The scope of a change: per year on average, over the whole period from its base year, or on the year before. */
    private static final Pattern SCOPE = Pattern.compile("^(?:五年|规划期内?|“?十[二三四五]五”?期间)?(年均|累计|比上年|比(\\d{4})年|比基期)");
    /** A sum of yearly flows over the period: 累计新增就业5万人, 五年累计完成投资1000亿元 (what is summed, the number, its unit). */
    private static final Pattern SUM = Pattern.compile("^(?!增长|下降|降低|减少|提高)(\\D{0,20}?)(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s以]+)\\s*(以上)?$");
    /** A task done or not, which a department records with evidence: 完成省下达任务, 建成…, 实现全覆盖. */
    private static final Pattern YES_NO = Pattern.compile("^(?:全面)?完成(?:省|市|区)?(?:政府)?下达(?:的)?(?:任务|目标)(?:任务)?$"
            + "|^(?:基本|全面)?建成\\D{0,30}$|^(?:实现)?\\D{0,20}全覆盖$");
    /** 翻一番 (×2), 翻两番 (×4), 翻三番 (×8), on the base year's level. */
    private static final Pattern DOUBLING = Pattern.compile("^(?:实现)?(?:经济总量|总量)?翻(一|两|二|三)?番$");
    /** 提高2个百分点: a change of a share in percentage points. */
    private static final Pattern POINTS = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*个百分点$");
    /** 30%: a change of a level in per cent. */
    private static final Pattern PERCENT = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*%$");
    /** A stretch goal after the target: 7%，力争8%. */
    private static final Pattern STRETCH = Pattern.compile("^(.+?)\\s*[，,；;]\\s*(?:力争|争取)\\s*(?:达到)?\\s*(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s]*)$");
    /** A level to reach with its direction: 下降到10%, 提高到30%. */
    private static final Pattern REACH_TO = Pattern.compile("^(下降|降低|减少|提高|提升|增加|增长)(?:到|至)");
    /** A range: 6.5%-7%, 6.5～7%, 6.5%至7%, 增长6.5%—7%. */
    private static final Pattern RANGE = Pattern.compile(
            "^(控制在|保持在|增长)?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|‰)?\\s*(?:-|~|—|至|到)\\s*(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s左以]*)\\s*(左右)?$");
    /** Which way the printed change goes. */
    private static final Pattern CHANGE = Pattern.compile("^(增长|提高|下降|降低|减少)");

    private static final Pattern NUMERIC = Pattern.compile(
            "^(控制在|达到|达|增长|下降|保持在|保持|不低于|不少于|不高于|不超过|超过|高于|低于|少于)?\\s*(≥|≤|>=|<=|＞|＜|>|<)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*"
                    + "(/\\d+万人?|[^\\d\\s左以或及]*?)\\s*(左右|(?:或|及)?以上|以内|(?:或|及)?以下)?$");

    private final IndicatorConfig config;

    public TargetParser(IndicatorConfig config) {
        this.config = config;
    }

    public Parsed parse(String rawText, String requestedKind, Context context) {
        Matcher stretch = STRETCH.matcher(normalize(rawText));
        if (stretch.matches() && !stretch.group(1).contains("同步")) {
            Parsed main = parseOne(rawText, stretch.group(1), requestedKind, context);
            String unit = stretch.group(3).isEmpty() ? null : stretch.group(3);
            String own = main.textUnit() != null ? main.textUnit() : context.indicatorUnit();
            if (main.value() == null || (unit != null && !unit.equals(own))) {
                throw new ServiceException.Invalid("target.text", "target text '" + rawText + "': the stretch goal after 力争 must be a number"
                        + " in the target's own unit (7%，力争8%)");
            }
            return main.withStretch(new BigDecimal(stretch.group(2)));
        }
        return parseOne(rawText, normalize(rawText), requestedKind, context);
    }

    private Parsed parseOne(String rawText, String normalized, String requestedKind, Context context) {
        String text = normalized;
        Kind requested = requestedKind == null || requestedKind.isBlank() ? null : Kind.valueOf(requestedKind);
        if (requested == Kind.QUALITATIVE) {
            return new Parsed(Kind.QUALITATIVE, Measure.LEVEL, null, null, null, false, null, null, null, false);
        }
        // Yes or no: the words say it (建成, 全覆盖), or the bureau does, for any task the text names.
        if (requested == Kind.YES_NO || (requested == null && YES_NO.matcher(ASPIRATION.matcher(text).replaceFirst("")).matches())) {
            if (context.measures() != Indicator.Measures.LEVEL) {
                throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a task done or not (YES_NO), but the indicator"
                        + " measures " + context.measures() + ": a yes/no target belongs on an indicator that measures LEVEL");
            }
            return new Parsed(Kind.YES_NO, Measure.LEVEL, null, null, null, false, null, null, null, false);
        }
        if (text.contains("同步")) {
            if (requested != null && requested != Kind.RELATIVE) {
                throw mismatch(rawText, requested, Kind.RELATIVE);
            }
            boolean basically = text.contains("基本");
            return new Parsed(Kind.RELATIVE, Measure.GROWTH_RATE, null, null, null, false, null,
                    basically ? config.evaluation().basicallyInStepPoints() : BigDecimal.ZERO, null, basically);
        }
        // 力争, then 年均 / 累计 / 比2015年, then 增长 / 下降: each taken off the front in turn.
        text = ASPIRATION.matcher(text).replaceFirst("");
        String scope = null;
        // 比上年 (on the year before) is one year's change, in any plan: no scope over several years.
        boolean yearOnYear = false;
        Matcher scopeMatch = SCOPE.matcher(text);
        // The base year a change is measured from: printed (比2010年), or the year before the plan (2015 for 2016-2020).
        int baseYear = context.planStartYear() - 1;
        if (scopeMatch.find()) {
            yearOnYear = scopeMatch.group(1).equals("比上年");
            scope = yearOnYear ? null : scopeMatch.group(1).startsWith("比") ? "累计" : scopeMatch.group(1);
            if (scopeMatch.group(2) != null) {
                baseYear = Integer.parseInt(scopeMatch.group(2));
                if (baseYear >= context.planStartYear()) {
                    throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is measured from " + baseYear
                            + ", which is not before the plan's first year " + context.planStartYear());
                }
            }
            text = text.substring(scopeMatch.end());
        }
        if ("累计".equals(scope)) {
            Matcher sum = SUM.matcher(text);
            if (sum.matches()) {
                return sum(rawText, sum, requested, context);
            }
        }
        Parsed fromBase = fromBase(rawText, text, scope, yearOnYear, baseYear, requested, context);
        if (fromBase != null) {
            return fromBase;
        }
        // 下降到10% / 提高到30%: a level to reach, whose direction the text states; it must be the indicator's.
        Matcher reachTo = REACH_TO.matcher(text);
        if (scope == null && !yearOnYear && reachTo.find()) {
            Indicator.Direction printed = switch (reachTo.group(1)) {
                case "下降", "降低", "减少" -> Indicator.Direction.DECREASE;
                default -> Indicator.Direction.INCREASE;
            };
            if (context.direction() != null && context.direction() != printed) {
                throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a level to reach going " + printed
                        + ", but the indicator's direction is " + context.direction());
            }
            text = "达到" + text.substring(reachTo.end());
        }
        Matcher range = RANGE.matcher(text);
        if (scope == null && range.matches()) {
            return range(rawText, range, requested, context);
        }
        String change = null;
        Matcher changeMatch = CHANGE.matcher(text);
        if (changeMatch.find()) {
            change = switch (changeMatch.group(1)) {
                case "增长", "提高" -> "增长";
                default -> "下降";
            };
            text = text.substring(changeMatch.end());
        }
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

    /**
     * 累计新增就业5万人, 五年累计完成投资1000亿元: the sum of the yearly values of a flow over the plan's period. The number
     * is in the indicator's unit, or in another of the same dimension (万人 on an indicator in 人), converted to it.
     */
    private Parsed sum(String rawText, Matcher sum, Kind requested, Context context) {
        if (requested != null && requested != Kind.CUMULATIVE_SUM) {
            throw mismatch(rawText, requested, Kind.CUMULATIVE_SUM);
        }
        if (!context.fiveYear()) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a sum over several years, but an annual plan"
                    + " covers one year: give the year's own target");
        }
        if (context.measures() != Indicator.Measures.LEVEL) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' sums yearly amounts, but the indicator measures "
                    + context.measures() + ": a sum belongs on an indicator that measures LEVEL (each year's amount, such as new jobs)");
        }
        String unit = sum.group(3);
        requireKnown(rawText, unit, context);
        UnitCatalog.Unit printed = context.units().find(unit).orElseThrow();
        UnitCatalog.Unit own = context.units().find(context.indicatorUnit()).orElse(null);
        if (own == null || !own.normalized().equals(printed.normalized()) || printed.rate()) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' sums " + unit + ", but the indicator is measured in "
                    + context.indicatorUnit());
        }
        BigDecimal value = new BigDecimal(sum.group(2)).multiply(printed.scale()).divide(own.scale(), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        if (value.abs().compareTo(new BigDecimal("1e15")) > 0) {
            throw new ServiceException.Invalid("target.text", "target value in '" + rawText + "' is out of range (at most 15 integer digits)");
        }
        return new Parsed(Kind.CUMULATIVE_SUM, Measure.LEVEL, value, null, null, false, null, null, unit, false);
    }

    /**
     * Targets on the level of a base year, or null when the text is none: 翻一番 / 翻两番 (MULTIPLE_OF_BASE, the factor),
     * 提高2个百分点 / 下降2个百分点 on an indicator in % (POINTS_FROM_BASE, ±points), and a change in % of a level
     * (CHANGE_FROM_BASE, negative for a decline): 累计增长30% and 比2015年增长30% in a five-year plan; 提高3% of a level in %
     * in any plan (a relative change, as 增长 is; points are written 个百分点); a decline over the period of a level that
     * is not a yearly decline rate (下降15% of an unemployment rate, 比2010年下降40% of energy use per unit of GDP).
     */
    private Parsed fromBase(String rawText, String text, String scope, boolean yearOnYear, int baseYear, Kind requested, Context context) {
        boolean fiveYear = context.fiveYear();
        boolean indicatorIsRate = context.indicatorIsRate();
        boolean declineName = context.declineRates();
        boolean growthName = context.growthRates();
        Parsed parsed = null;
        Matcher doubling = DOUBLING.matcher(text);
        Matcher change = CHANGE.matcher(text);
        if (yearOnYear || "年均".equals(scope)) {
            return null;
        } else if (doubling.matches()) {
            int factor = switch (doubling.group(1) == null ? "一" : doubling.group(1)) {
                case "两", "二" -> 4;
                case "三" -> 8;
                default -> 2;
            };
            parsed = Parsed.fromBase(Kind.MULTIPLE_OF_BASE, BigDecimal.valueOf(factor), baseYear, null);
        } else if (change.find()) {
            boolean rising = change.group(1).equals("增长") || change.group(1).equals("提高");
            String rest = text.substring(change.end());
            Matcher points = POINTS.matcher(rest);
            Matcher percent = PERCENT.matcher(rest);
            if (points.matches()) {
                if (!indicatorIsRate) {
                    throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' changes a share by percentage points,"
                            + " but the indicator is measured in " + context.indicatorUnit() + ", not %");
                }
                BigDecimal p = new BigDecimal(points.group(1));
                parsed = Parsed.fromBase(Kind.POINTS_FROM_BASE, rising ? p : p.negate(), baseYear, "个百分点");
            } else if (percent.matches() && !growthName && !declineName) {
                BigDecimal p = new BigDecimal(percent.group(1));
                boolean wholePeriod = fiveYear && "累计".equals(scope);
                // Which changes of a level are measured from the base year (the others stay what they were).
                boolean fromBase = (rising && wholePeriod)
                        || (change.group(1).equals("提高") && indicatorIsRate && scope == null)
                        || (!rising && fiveYear && (scope == null ? indicatorIsRate : (!indicatorIsRate || baseYear < context.planStartYear() - 1)));
                if (fromBase) {
                    parsed = Parsed.fromBase(Kind.CHANGE_FROM_BASE, rising ? p : p.negate(), baseYear, "%");
                }
            }
        }
        if (parsed == null) {
            if (declineName && fiveYear && baseYear < context.planStartYear() - 1) {
                throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a decline since " + baseYear
                        + ", before the plan: yearly decline rates cannot give it; record the indicator's level (单位GDP能耗 in"
                        + " 吨标准煤/万元) and set the target there");
            }
            return null;
        }
        if (requested != null && requested != parsed.kind()) {
            throw mismatch(rawText, requested, parsed.kind());
        }
        // The change goes one way; an indicator that must go the other way (or stay) contradicts it.
        Indicator.Direction way = parsed.value().signum() > 0 ? Indicator.Direction.INCREASE : Indicator.Direction.DECREASE;
        if (context.direction() != null && context.direction() != way) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' moves the level " + way
                    + " from " + baseYear + ", but the indicator's direction is " + context.direction());
        }
        return parsed;
    }

    /** 6.5%-7%: the low end is the value, the high end valueHigh; a growth range where the text is a rate on a level. */
    private Parsed range(String rawText, Matcher range, Kind requested, Context context) {
        if (requested != null && requested != Kind.RANGE) {
            throw mismatch(rawText, requested, Kind.RANGE);
        }
        if (range.group(6) != null) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a range and about a number (左右) at once");
        }
        BigDecimal low = new BigDecimal(range.group(2));
        BigDecimal high = new BigDecimal(range.group(4));
        String unit = !range.group(5).isEmpty() ? range.group(5) : range.group(3);
        if (range.group(3) != null && !range.group(5).isEmpty() && !range.group(3).equals(range.group(5))) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' gives its two ends in different units");
        }
        if (low.compareTo(high) >= 0) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a range whose low end is not below its high end");
        }
        requireKnown(rawText, unit, context);
        boolean textIsRate = context.units().isRate(unit);
        boolean growth = "增长".equals(range.group(1)) || context.growthRates() || (textIsRate && !context.indicatorIsRate());
        requireIndicatorUnit(rawText, unit, context);
        requireReachable(rawText, growth ? Measure.GROWTH_RATE : Measure.LEVEL, low, context);
        return new Parsed(Kind.RANGE, growth ? Measure.GROWTH_RATE : Measure.LEVEL, low, high, null, false, null, null, unit, false);
    }

    private static void requireKnown(String rawText, String unit, Context context) {
        if (unit != null && context.units().find(unit).isEmpty()) {
            throw new ServiceException.Invalid("target.text", "unknown unit '" + unit + "' in target text '" + rawText
                    + "'; known units: " + context.units().knownUnits());
        }
    }

    /** A level below zero in a unit that takes no negative value (亿元, 家) could never be met: no such value can be recorded. */
    private static void requireReachable(String rawText, Measure measure, BigDecimal value, Context context) {
        boolean nonNegative = context.units().find(context.indicatorUnit()).map(UnitCatalog.Unit::nonNegative).orElse(false);
        if (measure == Measure.LEVEL && value.signum() < 0 && nonNegative) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a level below zero, but values in "
                    + context.indicatorUnit() + " cannot be negative, so it could never be met");
        }
    }

    /** A unit in the text is a rate (a growth on a level) or the indicator's own. */
    private static void requireIndicatorUnit(String rawText, String unit, Context context) {
        if (unit != null && !context.units().isRate(unit) && !unit.equals(context.indicatorUnit())) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is in " + unit
                    + " but the indicator is measured in " + context.indicatorUnit());
        }
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

    private static ServiceException.Invalid mismatch(String text, Kind requested, Kind inferred) {
        return new ServiceException.Invalid("target.kind", "target kind " + requested + " contradicts the text '" + text
                + "', which reads as " + inferred);
    }

    /** Full-width forms the documents use become their ASCII equivalents. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.trim().toCharArray()) {
            if (c >= '０' && c <= '９') {
                sb.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                sb.append('.');
            } else if (c == '％') {
                sb.append('%');
            } else if (c == '－') {
                sb.append('-');
            } else if (c == '～' || c == '〜') {
                sb.append('~');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
