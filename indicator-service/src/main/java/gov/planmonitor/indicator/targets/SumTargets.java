package gov.planmonitor.indicator.targets;

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
import static gov.planmonitor.indicator.targets.TargetChecks.requireKnown;
import gov.planmonitor.indicator.units.UnitCatalog;

/** The sum form of a target: 累计新增就业5万人, 五年累计完成投资1000亿元. */
final class SumTargets {

    /** A sum of yearly flows over the period: 累计新增就业5万人, 五年累计完成投资1000亿元 (what is summed, the number, its unit). */
    static final Pattern SUM = Pattern.compile("^(?!增长|下降|降低|减少|提高)(\\D{0,20}?)(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s以]+)\\s*(以上)?$");

    private SumTargets() {
    }

    /**
     * 累计新增就业5万人, 五年累计完成投资1000亿元: the sum of the yearly values of a flow over the plan's period. The number
     * is in the indicator's unit, or in another of the same dimension (万人 on an indicator in 人), converted to it.
     */
    static Parsed sum(String rawText, Matcher sum, Kind requested, Context context) {
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
}
