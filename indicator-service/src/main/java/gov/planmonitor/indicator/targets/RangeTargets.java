package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.targets.Target.Kind;
import gov.planmonitor.indicator.targets.Target.Measure;
import gov.planmonitor.indicator.targets.TargetParser.Context;
import gov.planmonitor.indicator.targets.TargetParser.Parsed;
import gov.planmonitor.support.problem.ServiceException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static gov.planmonitor.indicator.targets.TargetChecks.mismatch;
import static gov.planmonitor.indicator.targets.TargetChecks.requireIndicatorUnit;
import static gov.planmonitor.indicator.targets.TargetChecks.requireKnown;
import static gov.planmonitor.indicator.targets.TargetChecks.requireReachable;

/** The range form of a target: 6.5%-7%, 6.5～7%, 6.5%至7%, 增长6.5%—7%. */
final class RangeTargets {

    /** A range: 6.5%-7%, 6.5～7%, 6.5%至7%, 增长6.5%—7%. */
    static final Pattern RANGE = Pattern.compile(
            "^(控制在|保持在|增长)?\\s*(\\d+(?:\\.\\d+)?)\\s*(%|‰)?\\s*(?:-|~|—|至|到)\\s*(\\d+(?:\\.\\d+)?)\\s*([^\\d\\s左以]*)\\s*(左右)?$");

    private RangeTargets() {
    }

    /** 6.5%-7%: the low end is the value, the high end valueHigh; a growth range where the text is a rate on a level. */
    static Parsed range(String rawText, Matcher range, Kind requested, Context context) {
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
}
