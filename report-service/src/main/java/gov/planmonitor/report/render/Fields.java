package gov.planmonitor.report.render;

import gov.planmonitor.report.mapping.ListSummaryDto.MoneyDto;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Tolerant reads of the content's values: report types fill different parts, and content stored by an older version
 * may lack a field, so a missing, null or blank part reads as absent instead of failing the render.
 */
final class Fields {

    private Fields() {
    }

    /** The text, or null when it is null or blank. */
    static String text(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String text(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    /** A number as people write it: no exponent, no trailing zeros (3193, 6.1). */
    static String plain(BigDecimal n) {
        if (n == null) {
            return null;
        }
        String s = n.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Thousands separators for the reader; the exact digits stay. */
    static String grouped(BigDecimal n) {
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n);
    }

    static BigDecimal yuan(MoneyDto amount) {
        return amount == null ? null : amount.yuan();
    }

    /** An amount as the documents print it: its display when given, else in units of 10^8 yuan (亿元) from yuan. */
    static String yuanDisplay(MoneyDto amount, String hundredMillionYuan) {
        String display = amount == null ? null : text(amount.display());
        if (display != null) {
            return display;
        }
        BigDecimal yuan = yuan(amount);
        return yuan == null ? null : plain(yuan.movePointLeft(8).setScale(4, RoundingMode.HALF_UP)) + hundredMillionYuan;
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

    /** asOf in a language's pattern and a time zone, or as stored when it is no time. */
    static String asOf(String asOf, String pattern, ZoneId zone) {
        Instant t = instant(asOf);
        return t == null ? asOf : DateTimeFormatter.ofPattern(pattern).format(t.atZone(zone));
    }
}
