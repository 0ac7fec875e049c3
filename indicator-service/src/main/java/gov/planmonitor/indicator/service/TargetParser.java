package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.config.IndicatorConfig;
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
 * Reads a target as the plan documents print it ("7左右", "≥94", "50以上", "控制在9‰以内", "与经济增长基本同步")
 * into a typed target. Text it cannot read is rejected, never stored as something else.
 */
@ApplicationScoped
public class TargetParser {

    /** What the parser knows of the indicator the target belongs to. */
    public record Context(Plan.Kind planKind, String indicatorName, String indicatorUnit) {
    }

    public record Parsed(Kind kind, Measure measure, BigDecimal value, BigDecimal tolerance, String textUnit, boolean basically) {
    }

    private static final Pattern NUMERIC = Pattern.compile(
            "^(控制在|达到|增长|下降|保持|不低于|不少于|不高于|不超过|超过)?\\s*(≥|≤|>=|<=|＞|＜|>|<)?\\s*(-?\\d+(?:\\.\\d+)?)\\s*([^\\d\\s左以]*?)\\s*(左右|以上|以内|以下)?$");

    private final IndicatorConfig config;

    public TargetParser(IndicatorConfig config) {
        this.config = config;
    }

    public Parsed parse(String rawText, String requestedKind, Context context) {
        String text = normalize(rawText);
        Kind requested = requestedKind == null || requestedKind.isBlank() ? null : Kind.valueOf(requestedKind);
        if (requested == Kind.QUALITATIVE) {
            return new Parsed(Kind.QUALITATIVE, Measure.LEVEL, null, null, null, false);
        }
        if (text.contains("同步")) {
            if (requested != null && requested != Kind.RELATIVE) {
                throw mismatch(rawText, requested, Kind.RELATIVE);
            }
            boolean basically = text.contains("基本");
            return new Parsed(Kind.RELATIVE, Measure.GROWTH_RATE, null,
                    basically ? config.evaluation().basicallyInStepPoints() : BigDecimal.ZERO, null, basically);
        }
        Matcher m = NUMERIC.matcher(text);
        if (!m.matches()) {
            throw new ServiceException.Invalid("target.text", "cannot parse target text '" + rawText
                    + "': expected forms like 7左右, ≥94, 50以上, 7‰以内, 控制在673万吨标准煤以内, 与经济增长同步 (or kind QUALITATIVE)");
        }
        String verb = m.group(1);
        String symbol = m.group(2);
        BigDecimal value = new BigDecimal(m.group(3));
        String unit = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4);
        String suffix = m.group(5);

        if (unit != null && UnitCatalog.find(unit).isEmpty()) {
            throw new ServiceException.Invalid("target.text", "unknown unit '" + unit + "' in target text '" + rawText
                    + "'; known units: " + UnitCatalog.knownUnits());
        }
        if (value.abs().compareTo(new BigDecimal("1e15")) > 0 || value.scale() > 6) {
            throw new ServiceException.Invalid("target.text", "target value in '" + rawText + "' is out of range (at most 15 integer and 6 decimal digits)");
        }
        boolean atLeast = ">".equals(symbol) || ">=".equals(symbol) || "≥".equals(symbol) || "以上".equals(suffix)
                || "不低于".equals(verb) || "不少于".equals(verb) || "超过".equals(verb);
        boolean atMost = "<".equals(symbol) || "<=".equals(symbol) || "≤".equals(symbol) || "以内".equals(suffix) || "以下".equals(suffix)
                || "控制在".equals(verb) || "不高于".equals(verb) || "不超过".equals(verb);
        boolean about = "左右".equals(suffix);
        if (atLeast && atMost) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is both a floor and a ceiling");
        }
        String name = context.indicatorName() == null ? "" : context.indicatorName();
        boolean fiveYear = context.planKind() == Plan.Kind.FIVE_YEAR;
        boolean averageGrowth = fiveYear && name.contains("年均") && name.contains("增长率");
        boolean declineRate = fiveYear && name.contains("下降率");

        Kind inferred;
        if (atLeast) {
            inferred = Kind.AT_LEAST;
        } else if (atMost) {
            inferred = Kind.AT_MOST;
        } else if (averageGrowth) {
            inferred = Kind.AVERAGE_ANNUAL_GROWTH;
        } else if (declineRate) {
            inferred = Kind.CUMULATIVE_DECLINE;
        } else if (about) {
            inferred = Kind.ABOUT;
        } else {
            inferred = Kind.REACH;
        }
        Kind kind = requested == null ? inferred : requested;
        if (requested != null && !compatible(requested, atLeast, atMost, about)) {
            throw mismatch(rawText, requested, inferred);
        }

        // A growth target: the kind says so, or the text's unit is a rate while the indicator's is a level (6.5% on 亿元).
        boolean indicatorIsRate = UnitCatalog.find(context.indicatorUnit()).map(UnitCatalog.Unit::rate).orElse(false);
        boolean textIsRate = unit != null && UnitCatalog.find(unit).map(UnitCatalog.Unit::rate).orElse(false);
        Measure measure = kind == Kind.AVERAGE_ANNUAL_GROWTH || "增长".equals(verb) || (textIsRate && !indicatorIsRate)
                ? Measure.GROWTH_RATE : Measure.LEVEL;
        if (unit != null && !textIsRate && !unit.equals(context.indicatorUnit())) {
            throw new ServiceException.Invalid("target.text", "target text '" + rawText + "' is in " + unit
                    + " but the indicator is measured in " + context.indicatorUnit());
        }
        BigDecimal tolerance = about ? aboutTolerance(value, measure == Measure.GROWTH_RATE || indicatorIsRate || textIsRate) : null;
        return new Parsed(kind, measure, value, tolerance, unit, false);
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
            case AVERAGE_ANNUAL_GROWTH, CUMULATIVE_DECLINE -> !atLeast && !atMost;
            case RELATIVE -> false;
            case QUALITATIVE -> true;
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
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
