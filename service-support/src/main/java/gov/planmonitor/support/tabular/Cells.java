package gov.planmonitor.support.tabular;

import gov.planmonitor.support.problem.FieldError;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Typed access to the cells of one imported row. A cell that cannot be read, and an input record that fails
 * Bean Validation, raise an error naming the column, which the import reports with the row.
 */
public final class Cells {

    private final Tabular.Line line;
    private final Validator validator;

    public Cells(Tabular.Line line, Validator validator) {
        this.line = line;
        this.validator = validator;
    }

    public String text(String column) {
        String v = line.get(column);
        if (v != null && v.indexOf('\0') >= 0) {
            throw new ServiceException.Invalid(column, "must not contain the NUL character (U+0000)");
        }
        return v;
    }

    public Integer integer(String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new ServiceException.Invalid(column, "'" + v + "' is not a whole number");
        }
    }

    public BigDecimal decimal(String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new ServiceException.Invalid(column, "'" + v + "' is not a decimal number");
        }
        if (d.abs().compareTo(new BigDecimal("1e15")) > 0) {
            throw new ServiceException.Invalid(column, "'" + v + "' is too large");
        }
        return d;
    }

    public LocalDate date(String column) {
        String v = line.get(column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ServiceException.Invalid(column, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }

    /**
     * A point in time: a date (2018-02-08: its first moment) or a date-time (2018-02-08T09:30:00+08:00), both read in
     * {@code zone} when they name no offset.
     */
    public OffsetDateTime time(String column, ZoneId zone) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        try {
            if (!v.contains("T")) {
                return LocalDate.parse(v).atStartOfDay(zone).toOffsetDateTime();
            }
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime at ? at : ((LocalDateTime) t).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new ServiceException.Invalid(column, "'" + v + "' is not a date (2018-02-08) or a date-time (2018-02-08T09:30:00+08:00)");
        }
    }

    public Boolean bool(String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new ServiceException.Invalid(column, "must be true or false");
        }
        return Boolean.valueOf(v.toLowerCase());
    }

    public <T> T required(T value, String column) {
        if (value == null) {
            throw new ServiceException.Invalid(column, "must not be blank");
        }
        return value;
    }

    /** Runs Bean Validation on the row's input record; violations name the column they came from. */
    public <T> T valid(T input) {
        return valid(input, java.util.Map.of());
    }

    /** As {@link #valid(Object)}, where some record properties come from columns of another name (planned ← plannedYuan). */
    public <T> T valid(T input, java.util.Map<String, String> columnOf) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> FieldError.of(columnOf.getOrDefault(column(v.getPropertyPath().toString()), column(v.getPropertyPath().toString())),
                            v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).toList();
            throw new ServiceException.Invalid("invalid row", errors);
        }
        return input;
    }

    /** "target.text" was column targetText; "departments[0].role" was column departments. */
    static String column(String path) {
        String p = path.replaceAll("\\[\\d+]", "");
        int dot = p.indexOf('.');
        if (p.startsWith("departments") || p.startsWith("lists") || p.startsWith("indicators")) {
            return dot < 0 ? p : p.substring(0, dot);
        }
        if (dot < 0) {
            return p;
        }
        return p.substring(0, dot) + Character.toUpperCase(p.charAt(dot + 1)) + p.substring(dot + 2);
    }

    /**
     * A cell that lists items (department codes or names, indicator codes), separated as bureaus' tables separate them:
     * ";", "；", "、", "，" or ","; empty for a blank cell.
     */
    public List<String> list(String column) {
        String cell = text(column);
        List<String> items = new ArrayList<>();
        if (cell != null) {
            for (String part : cell.split("[;；、，,]")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    /** Reads "A:B;C:D" cells such as departments with roles. */
    public static List<String[]> pairs(String cell, String column, String example) {
        List<String[]> pairs = new ArrayList<>();
        if (cell == null) {
            return pairs;
        }
        for (String part : cell.split(";")) {
            String[] pair = part.trim().split(":");
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new ServiceException.Invalid(column, "'" + part + "' is not CODE:ROLE (e.g. " + example + ")");
            }
            pairs.add(new String[]{pair[0].trim(), pair[1].trim()});
        }
        return pairs;
    }
}
