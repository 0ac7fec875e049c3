package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.mapping.DepartmentDto;
import gov.planmonitor.indicator.mapping.DepartmentRoleDto;
import gov.planmonitor.indicator.mapping.ImportReportDto;
import gov.planmonitor.indicator.mapping.IndicatorInput;
import gov.planmonitor.indicator.mapping.ObservationInput;
import gov.planmonitor.indicator.mapping.PlanInput;
import gov.planmonitor.indicator.service.Tabular.Columns;
import gov.planmonitor.indicator.service.Tabular.Line;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of departments, plans, indicators (with targets) and observations. All-or-nothing: any row error
 * rolls everything back and every error is reported with its entity, row and field. Rows go through the same
 * service methods as single API writes, so the rules are the same. Re-importing the same file changes nothing.
 */
@ApplicationScoped
public class ImportService {

    /** Entities in the order they are applied (later ones refer to earlier ones). */
    public static final Map<String, Columns> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("departments", new Columns(List.of("code", "nameZh", "nameEn"), List.of(), Set.of()));
        SCHEMA.put("plans", new Columns(List.of("code", "kind", "startYear", "endYear", "titleZh", "titleEn", "parent"), List.of(),
                Set.of("startYear", "endYear")));
        SCHEMA.put("indicators", new Columns(List.of("code", "plan", "seq", "nameZh", "nameEn", "category", "unit", "attribute", "direction",
                "departments", "targetText", "targetKind", "targetReference", "series", "footnoteZh", "footnoteEn"),
                List.of("targetEffectiveFrom"), Set.of("seq")));
        SCHEMA.put("observations", new Columns(List.of("indicator", "year", "periodStart", "value", "growthRate", "priceBasis", "status",
                "qualitativeZh", "qualitativeEn", "comparable", "source", "note"), List.of(), Set.of("year", "periodStart", "value", "growthRate")));
    }

    private final DepartmentService departments;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final ObservationService observations;
    private final Validator validator;
    private final TransactionManager transactions;

    public ImportService(DepartmentService departments, PlanService plans, IndicatorService indicators, ObservationService observations,
                         Validator validator, TransactionManager transactions) {
        this.departments = departments;
        this.plans = plans;
        this.indicators = indicators;
        this.observations = observations;
        this.validator = validator;
        this.transactions = transactions;
    }

    /** A row that could not be converted to its input record. */
    private static final class BadCell extends RuntimeException {
        final String column;

        BadCell(String column, String message) {
            super(message);
            this.column = column;
        }
    }

    @Transactional
    public ImportReportDto run(Tabular.Format format, byte[] body, String entity, boolean dryRun, String user) {
        if (entity != null && !SCHEMA.containsKey(entity)) {
            throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + SCHEMA.keySet());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<Line>> tables = Tabular.read(format, body, entity, SCHEMA, errors);
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (errors.isEmpty() && tables.values().stream().allMatch(List::isEmpty)) {
            errors.add(new FieldError(entity, null, "file", "the file holds no data rows"));
        }
        if (errors.isEmpty()) {
            for (String name : SCHEMA.keySet()) {
                List<Line> lines = tables.get(name);
                if (lines == null) {
                    continue;
                }
                Map<String, Integer> tally = counts.computeIfAbsent(name, k -> new LinkedHashMap<>(Map.of()));
                for (Outcome o : Outcome.values()) {
                    tally.put(o.name(), 0);
                }
                for (Line line : lines) {
                    try {
                        Outcome outcome = apply(name, line, user);
                        tally.merge(outcome.name(), 1, Integer::sum);
                    } catch (BadCell e) {
                        errors.add(new FieldError(name, line.row(), e.column, e.getMessage()));
                    } catch (ServiceException e) {
                        if (e.errors().isEmpty()) {
                            errors.add(new FieldError(name, line.row(), null, e.getMessage()));
                        } else {
                            e.errors().forEach(fe -> errors.add(fe.at(name, line.row())));
                        }
                    }
                }
            }
        }
        if (!errors.isEmpty() && !dryRun) {
            throw new ServiceException.ImportRejected(errors);
        }
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (Exception e) {
                throw new IllegalStateException("cannot roll back the dry run", e);
            }
        }
        return new ImportReportDto(dryRun, !dryRun, counts, errors);
    }

    private Outcome apply(String entity, Line line, String user) {
        return switch (entity) {
            case "departments" -> departments.upsert(valid(new DepartmentDto(line.get("code"), line.get("nameZh"), line.get("nameEn"))), user);
            case "plans" -> plans.upsert(valid(new PlanInput(line.get("code"), line.get("kind"), integer(line, "startYear"),
                    integer(line, "endYear"), line.get("titleZh"), line.get("titleEn"), line.get("parent"))), user);
            case "indicators" -> {
                String plan = line.get("plan");
                if (plan == null) {
                    throw new BadCell("plan", "must not be blank");
                }
                plans.get(plan);
                yield indicators.upsert(plan, valid(new IndicatorInput(line.get("code"), integer(line, "seq"), line.get("nameZh"),
                        line.get("nameEn"), line.get("category"), line.get("unit"), line.get("attribute"), line.get("direction"),
                        departmentRoles(line.get("departments")),
                        new gov.planmonitor.indicator.mapping.TargetInput(line.get("targetText"), line.get("targetKind"),
                                line.get("targetReference"), date(line, "targetEffectiveFrom"), null),
                        line.get("series"), line.get("footnoteZh"), line.get("footnoteEn"))), user);
            }
            case "observations" -> {
                String indicator = line.get("indicator");
                Integer year = integer(line, "year");
                if (indicator == null || year == null) {
                    throw new BadCell(indicator == null ? "indicator" : "year", "must not be blank");
                }
                String comparable = line.get("comparable");
                if (comparable != null && !comparable.equalsIgnoreCase("true") && !comparable.equalsIgnoreCase("false")) {
                    throw new BadCell("comparable", "must be true or false");
                }
                yield observations.upsert(indicator, year, valid(new ObservationInput(integer(line, "periodStart"), decimal(line, "value"),
                        decimal(line, "growthRate"), line.get("priceBasis"), line.get("status"), line.get("qualitativeZh"),
                        line.get("qualitativeEn"), comparable == null ? null : Boolean.valueOf(comparable.toLowerCase()),
                        line.get("source"), line.get("note"))), user);
            }
            default -> throw new IllegalArgumentException(entity);
        };
    }

    private <T> T valid(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> FieldError.of(column(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).toList();
            throw new ServiceException.Invalid("invalid row", errors);
        }
        return input;
    }

    /** Maps a property path of the input record back to the column it came from. */
    private static String column(String path) {
        if (path.startsWith("target.")) {
            return "target" + Character.toUpperCase(path.charAt(7)) + path.substring(8).replace("text", "Text");
        }
        if (path.startsWith("departments")) {
            return "departments";
        }
        return path;
    }

    private static List<DepartmentRoleDto> departmentRoles(String cell) {
        List<DepartmentRoleDto> roles = new ArrayList<>();
        if (cell == null) {
            return roles;
        }
        for (String part : cell.split(";")) {
            String[] codeRole = part.trim().split(":");
            if (codeRole.length != 2) {
                throw new BadCell("departments", "'" + part + "' is not CODE:ROLE (e.g. DRC:LEAD;COMMERCE:SUPPORT)");
            }
            roles.add(new DepartmentRoleDto(codeRole[0].trim(), null, null, codeRole[1].trim()));
        }
        return roles;
    }

    private static Integer integer(Line line, String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new BadCell(column, "'" + v + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(Line line, String column) {
        String v = line.get(column);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.abs().compareTo(new BigDecimal("1e15")) > 0) {
                throw new BadCell(column, "'" + v + "' is too large");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadCell(column, "'" + v + "' is not a decimal number");
        }
    }

    private static LocalDate date(Line line, String column) {
        String v = line.get(column);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadCell(column, "'" + v + "' is not a date (YYYY-MM-DD)");
        }
    }
}
