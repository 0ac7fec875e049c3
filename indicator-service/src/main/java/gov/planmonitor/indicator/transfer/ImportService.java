package gov.planmonitor.indicator.transfer;

import gov.planmonitor.indicator.departments.DepartmentDto;
import gov.planmonitor.indicator.departments.DepartmentRoleDto;
import gov.planmonitor.indicator.indicators.IndicatorInput;
import gov.planmonitor.indicator.observations.ObservationInput;
import gov.planmonitor.indicator.plans.PlanInput;
import gov.planmonitor.indicator.targets.TargetInput;
import gov.planmonitor.support.tabular.Cells;
import gov.planmonitor.support.tabular.ImportReportDto;
import gov.planmonitor.support.tabular.ImportRunner;
import gov.planmonitor.support.tabular.Outcome;
import gov.planmonitor.support.tabular.Tabular.Columns;
import gov.planmonitor.support.tabular.Tabular.Line;
import gov.planmonitor.support.tabular.Tabular;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import gov.planmonitor.support.time.BureauClock;

import gov.planmonitor.support.problem.ServiceException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import gov.planmonitor.indicator.departments.DepartmentService;
import gov.planmonitor.indicator.indicators.IndicatorService;
import gov.planmonitor.indicator.observations.ObservationService;
import gov.planmonitor.indicator.plans.PlanService;
import gov.planmonitor.indicator.tasks.TaskInput;
import gov.planmonitor.indicator.tasks.TaskService;

/**
 * Bulk import of departments, plans, indicators (with targets), tasks and observations. All-or-nothing: any row error
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
                List.of("measures", "targetEffectiveFrom", "targetRecordedAt"), Set.of("seq")));
        // Tasks after indicators: a task names the indicators that quantify it (its commitments).
        SCHEMA.put("tasks", new Columns(List.of("code", "plan", "parent", "seq", "textZh", "textEn", "lead", "supporting", "deadline",
                "commitments", "source"), List.of(), Set.of("seq")));
        SCHEMA.put("observations", new Columns(List.of("indicator", "year", "periodStart", "value", "growthRate", "priceBasis", "status",
                "qualitativeZh", "qualitativeEn", "comparable", "source", "note"), List.of("completed", "evidence", "recordedAt"), Set.of("year", "periodStart", "value", "growthRate")));
    }

    private final DepartmentService departments;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final ObservationService observations;
    private final TaskService tasks;
    private final Validator validator;
    private final ImportRunner runner;
    private final BureauClock clock;

    public ImportService(DepartmentService departments, PlanService plans, IndicatorService indicators, ObservationService observations,
                         TaskService tasks, Validator validator, ImportRunner runner, BureauClock clock) {
        this.clock = clock;
        this.departments = departments;
        this.plans = plans;
        this.indicators = indicators;
        this.observations = observations;
        this.tasks = tasks;
        this.validator = validator;
        this.runner = runner;
    }

    public ImportReportDto run(Tabular.Format format, java.io.InputStream body, String entity, boolean dryRun, String user) {
        return runner.run(format, body, entity, dryRun, SCHEMA, new Tabular.RowHandler() {
            @Override
            public Outcome apply(String name, Line line, String caller) {
                return ImportService.this.apply(name, line, caller);
            }

            @Override
            public boolean wholeTable(String name) {
                return name.equals("observations");
            }

            @Override
            public List<Outcome> applyAll(String name, List<Line> lines, String caller, BiConsumer<Line, ServiceException> refused) {
                return observations(lines, caller, refused);
            }
        }, user);
    }

    /** Observations are imported set-based (the largest files by far): every row read first, then written together. */
    private List<Outcome> observations(List<Line> lines, String user, BiConsumer<Line, ServiceException> refused) {
        List<ObservationService.ImportedValue> values = new ArrayList<>(lines.size());
        for (Line line : lines) {
            try {
                Cells c = new Cells(line, validator);
                values.add(new ObservationService.ImportedValue(line.row(), c.required(c.text("indicator"), "indicator"),
                        c.required(c.integer("year"), "year"), observationInput(c), c.time("recordedAt", zone())));
            } catch (ServiceException e) {
                refused.accept(line, e);
            }
        }
        lines.clear();
        // The readable rows are checked even when some are not, so that one answer lists every error; the import runner
        // then rolls everything back.
        return observations.upsertAll(values, user, (value, e) -> refused.accept(new Line(value.row(), Map.of()), e));
    }

    /** A recorded time without an offset (a date) is the bureau's. */
    private ZoneId zone() {
        return clock.clock().getZone();
    }

    private ObservationInput observationInput(Cells c) {
        return c.valid(new ObservationInput(c.integer("periodStart"), c.decimal("value"), c.decimal("growthRate"), c.text("priceBasis"),
                c.text("status"), c.text("qualitativeZh"), c.text("qualitativeEn"), c.bool("comparable"), c.text("source"), c.text("note"), c.bool("completed"), c.text("evidence")));
    }

    private Outcome apply(String entity, Line line, String user) {
        Cells c = new Cells(line, validator);
        return switch (entity) {
            case "departments" -> departments.upsert(c.valid(new DepartmentDto(c.text("code"), c.text("nameZh"), c.text("nameEn"))));
            case "plans" -> plans.upsert(c.valid(new PlanInput(c.text("code"), c.text("kind"), c.integer("startYear"),
                    c.integer("endYear"), c.text("titleZh"), c.text("titleEn"), c.text("parent"))));
            case "indicators" -> {
                String plan = c.required(c.text("plan"), "plan");
                plans.get(plan);
                yield indicators.upsert(plan, c.valid(new IndicatorInput(c.text("code"), c.integer("seq"), c.text("nameZh"),
                        c.text("nameEn"), c.text("category"), c.text("unit"), c.text("attribute"), c.text("direction"),
                        c.text("measures"), departmentRoles(c.text("departments")), targetInput(c),
                        c.text("series"), c.text("footnoteZh"), c.text("footnoteEn")),
                        Map.of("targetReferenceIndicator", "targetReference")), c.time("targetRecordedAt", zone()));
            }
            case "tasks" -> tasks.upsert(c.valid(new TaskInput(c.text("code"), c.text("plan"), c.text("parent"), c.integer("seq"),
                    c.text("textZh"), c.text("textEn"), c.list("lead"), c.list("supporting"), c.date("deadline"), c.list("commitments"),
                    c.text("source"))));
            default -> throw new IllegalArgumentException(entity);
        };
    }

    /** A row's target; none where the row gives no text (a statistic the plan reports without a target). */
    private static TargetInput targetInput(Cells c) {
        if (c.text("targetText") == null && c.text("targetKind") == null && c.text("targetReference") == null) {
            return null;
        }
        return new TargetInput(c.text("targetText"), c.text("targetKind"), c.text("targetReference"), c.date("targetEffectiveFrom"), null);
    }

    private static List<DepartmentRoleDto> departmentRoles(String cell) {
        List<DepartmentRoleDto> roles = new ArrayList<>();
        for (String[] pair : Cells.pairs(cell, "departments", "DRC:LEAD;COMMERCE:SUPPORT")) {
            roles.add(new DepartmentRoleDto(pair[0], null, null, pair[1]));
        }
        return roles;
    }
}
