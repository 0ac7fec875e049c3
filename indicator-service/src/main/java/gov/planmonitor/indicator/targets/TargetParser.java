package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target.Kind;
import gov.planmonitor.indicator.targets.Target.Measure;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import gov.planmonitor.indicator.units.UnitCatalog;

/**
 * Reads a target as the plan documents print it ("7左右", "≥94", "50以上", "控制在9‰以内", "与经济增长基本同步",
 * "年均增长7%左右", "累计下降15%", "比2015年下降18%", "力争达到80%") into a typed target. The printed text decides the
 * kind where it says it (年均, 累计/比…年, 下降, ≥/以上, ≤/以内, 左右); what the indicator states it measures decides only
 * for a bare number (a growth or decline rate of a five-year plan: the average growth, the decline over the period). Text it cannot read is rejected, never stored as something else.
 * This class takes the words off the front (力争, 年均 / 累计 / 比…年, 增长 / 下降) and reads the forms in words (yes/no,
 * 同步); each numeric form has its own class: SumTargets, BaseYearTargets, RangeTargets, NumericTargets.
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
    /** A task done or not, which a department records with evidence: 完成省下达任务, 建成…, 实现全覆盖. */
    private static final Pattern YES_NO = Pattern.compile("^(?:全面)?完成(?:省|市|区)?(?:政府)?下达(?:的)?(?:任务|目标)(?:任务)?$"
            + "|^(?:基本|全面)?建成\\D{0,30}$|^(?:实现)?\\D{0,20}全覆盖$");
    /** A stretch goal after the target: 7%，力争8%. */
    private static final Pattern STRETCH = Pattern.compile("^(.+?)\\s*[，,；;]\\s*(?:力争|争取)\\s*(?:达到)?\\s*(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s]*)$");
    /** A level to reach with its direction: 下降到10%, 提高到30%. */
    private static final Pattern REACH_TO = Pattern.compile("^(下降|降低|减少|提高|提升|增加|增长)(?:到|至)");
    /** Which way the printed change goes. */
    static final Pattern CHANGE = Pattern.compile("^(增长|提高|下降|降低|减少)");

    private final IndicatorConfig config;
    private final NumericTargets numeric;

    public TargetParser(IndicatorConfig config) {
        this.config = config;
        this.numeric = new NumericTargets(config);
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
                throw TargetChecks.mismatch(rawText, requested, Kind.RELATIVE);
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
            Matcher sum = SumTargets.SUM.matcher(text);
            if (sum.matches()) {
                return SumTargets.sum(rawText, sum, requested, context);
            }
        }
        Parsed fromBase = BaseYearTargets.fromBase(rawText, text, scope, yearOnYear, baseYear, requested, context);
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
        Matcher range = RangeTargets.RANGE.matcher(text);
        if (scope == null && range.matches()) {
            return RangeTargets.range(rawText, range, requested, context);
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
        return numeric.parse(rawText, text, change, scope, yearOnYear, baseYear, requested, context);
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
