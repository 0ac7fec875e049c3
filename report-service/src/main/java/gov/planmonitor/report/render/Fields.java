package gov.planmonitor.report.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Tolerant reads of the stored content: report types fill different parts, and content stored by an older version
 * may lack a field, so a missing or null part reads as absent instead of failing the render.
 */
final class Fields {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Fields() {
    }

    /** The text of a field, or null when it is missing, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    static String text(JsonNode node, String field, String fallback) {
        String s = text(node, field);
        return s == null ? fallback : s;
    }

    /** An object field, or null. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isObject() ? v : null;
    }

    /** An array field, or null. */
    static JsonNode array(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isArray() ? v : null;
    }

    /** A number, also when it was stored as a numeric string (yuan amounts are exact decimals); null otherwise. */
    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A number as people write it: no exponent, no trailing zeros (3193, 6.1). */
    static String plain(BigDecimal n) {
        if (n == null) {
            return null;
        }
        String s = n.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** The yuan of {"yuan","display"}: its display when given, else 亿元 computed from yuan. */
    static String yuanDisplay(JsonNode amount) {
        String display = text(amount, "display");
        if (display != null) {
            return display;
        }
        BigDecimal yuan = decimal(amount, "yuan");
        return yuan == null ? null : plain(yuan.movePointLeft(8).setScale(4, java.math.RoundingMode.HALF_UP)) + "亿元";
    }

    static Instant instant(String asOf) {
        if (asOf == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** asOf for a Chinese reader: Beijing time. */
    static String asOfZh(String asOf) {
        Instant t = instant(asOf);
        return t == null ? asOf : DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm（北京时间）").format(t.atZone(BEIJING));
    }

    /** asOf for an English reader: the instant itself, in UTC. */
    static String asOfEn(String asOf) {
        Instant t = instant(asOf);
        return t == null ? asOf : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(t.atZone(ZoneId.of("UTC")));
    }
}
