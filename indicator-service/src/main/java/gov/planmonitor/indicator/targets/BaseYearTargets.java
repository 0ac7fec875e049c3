package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.targets.Target.Kind;
import gov.planmonitor.indicator.targets.TargetParser.Context;
import gov.planmonitor.indicator.targets.TargetParser.Parsed;
import gov.planmonitor.support.problem.ServiceException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static gov.planmonitor.indicator.targets.TargetChecks.mismatch;
import static gov.planmonitor.indicator.targets.TargetParser.CHANGE;

/** The forms of a target measured from a base year's level: 翻一番, 提高2个百分点, 累计增长30%, 比2010年下降40%. */
final class BaseYearTargets {

    /** 翻一番 (×2), 翻两番 (×4), 翻三番 (×8), on the base year's level. */
    static final Pattern DOUBLING = Pattern.compile("^(?:实现)?(?:经济总量|总量)?翻(一|两|二|三)?番$");
    /** 提高2个百分点: a change of a share in percentage points. */
    static final Pattern POINTS = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*个百分点$");
    /** 30%: a change of a level in per cent. */
    static final Pattern PERCENT = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*%$");

    private BaseYearTargets() {
    }

    /**
     * Targets on the level of a base year, or null when the text is none: 翻一番 / 翻两番 (MULTIPLE_OF_BASE, the factor),
     * 提高2个百分点 / 下降2个百分点 on an indicator in % (POINTS_FROM_BASE, ±points), and a change in % of a level
     * (CHANGE_FROM_BASE, negative for a decline): 累计增长30% and 比2015年增长30% in a five-year plan; 提高3% of a level in %
     * in any plan (a relative change, as 增长 is; points are written 个百分点); a decline over the period of a level that
     * is not a yearly decline rate (下降15% of an unemployment rate, 比2010年下降40% of energy use per unit of GDP).
     */
    static Parsed fromBase(String rawText, String text, String scope, boolean yearOnYear, int baseYear, Kind requested, Context context) {
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
}
