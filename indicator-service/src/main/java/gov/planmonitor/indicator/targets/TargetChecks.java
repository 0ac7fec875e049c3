package gov.planmonitor.indicator.targets;

import gov.planmonitor.indicator.targets.Target.Kind;
import gov.planmonitor.indicator.targets.Target.Measure;
import gov.planmonitor.indicator.targets.TargetParser.Context;
import gov.planmonitor.support.problem.ServiceException;

import java.math.BigDecimal;
import gov.planmonitor.indicator.units.UnitCatalog;

/** The checks every target form makes of its number and unit, and the refusal of a requested kind the text contradicts. */
final class TargetChecks {

    private TargetChecks() {
    }

    static void requireKnown(String rawText, String unit, Context context) {
        if (unit != null && context.units().find(unit).isEmpty()) {
            throw new ServiceException.Invalid("target.text", "unknown unit '" + unit + "' in target text '" + rawText
                    + "'; known units: " + context.units().knownUnits());
        }
    }

    /** A level below zero in a unit that takes no negative value (亿元, 家) could never be met: no such value can be recorded. */
    static void requireReachable(String rawText, Measure measure, BigDecimal value, Context context) {
        boolean nonNegative = context.units().find(context.indicatorUnit()).map(UnitCatalog.Unit::nonNegative).orElse(false);
        if (measure == Measure.LEVEL && value.signum() < 0 && nonNegative) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is a level below zero, but values in "
                    + context.indicatorUnit() + " cannot be negative, so it could never be met");
        }
    }

    /** A unit in the text is a rate (a growth on a level) or the indicator's own. */
    static void requireIndicatorUnit(String rawText, String unit, Context context) {
        if (unit != null && !context.units().isRate(unit) && !unit.equals(context.indicatorUnit())) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is in " + unit
                    + " but the indicator is measured in " + context.indicatorUnit());
        }
    }

    static ServiceException.Invalid mismatch(String text, Kind requested, Kind inferred) {
        return new ServiceException.Invalid("target.kind", "target kind " + requested + " contradicts the text '" + text
                + "', which reads as " + inferred);
    }
}
