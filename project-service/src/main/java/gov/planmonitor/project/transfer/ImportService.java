package gov.planmonitor.project.transfer;

import gov.planmonitor.project.projects.CodeNameDto;
import gov.planmonitor.project.projects.DepartmentRoleDto;
import gov.planmonitor.project.progress.InvestmentInput;
import gov.planmonitor.project.projects.LocationDto;
import gov.planmonitor.project.lists.MembershipDto;
import gov.planmonitor.project.progress.MilestoneInput;
import gov.planmonitor.project.projects.ProjectInput;
import gov.planmonitor.project.lists.ProjectListInput;
import gov.planmonitor.support.tabular.Cells;
import gov.planmonitor.support.tabular.ImportReportDto;
import gov.planmonitor.support.tabular.ImportRunner;
import gov.planmonitor.support.tabular.Outcome;
import gov.planmonitor.support.tabular.Tabular.Columns;
import gov.planmonitor.support.tabular.Tabular.Line;
import gov.planmonitor.support.tabular.Tabular;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import gov.planmonitor.project.lists.ProjectListService;
import gov.planmonitor.project.progress.ProgressService;
import gov.planmonitor.project.projects.ProjectService;
import gov.planmonitor.project.reference.ReferenceService;

/**
 * Bulk import of categories, lists, projects, yearly investment and milestones (the Decidim-style CSV bulk
 * update). All-or-nothing with row-level errors; rows go through the same service methods as single writes;
 * re-importing the same file changes nothing.
 */
@ApplicationScoped
public class ImportService {

    /** Entities in the order they are applied (later ones refer to earlier ones). */
    public static final Map<String, Columns> SCHEMA = new LinkedHashMap<>();

    static {
        SCHEMA.put("categories", new Columns(List.of("code", "nameZh", "nameEn", "seq"), List.of(), Set.of("seq")));
        SCHEMA.put("lists", new Columns(List.of("code", "nameZh", "nameEn", "year", "plan", "reportedProjectCount",
                "reportedCompletedInvestmentYuan", "reportedPlannedInvestmentShare", "reportedNote"), List.of(),
                Set.of("year", "reportedProjectCount", "reportedCompletedInvestmentYuan", "reportedPlannedInvestmentShare")));
        SCHEMA.put("projects", new Columns(List.of("code", "list", "seq", "category", "nameZh", "nameEn", "tasksZh", "tasksEn", "zone",
                "investmentType", "departments", "status", "indicators", "note"),
                List.of("totalPlannedInvestmentYuan", "progressPercent", "address", "latitude", "longitude"),
                Set.of("seq", "totalPlannedInvestmentYuan", "progressPercent", "latitude", "longitude")));
        SCHEMA.put("investments", new Columns(List.of("project", "year", "plannedYuan", "completedYuan", "note"), List.of(),
                Set.of("year", "plannedYuan", "completedYuan")));
        SCHEMA.put("milestones", new Columns(List.of("project", "nameZh", "nameEn", "plannedDate", "actualDate", "state"), List.of(), Set.of()));
    }

    private final ProjectService projects;
    private final ProjectListService lists;
    private final ProgressService progress;
    private final ReferenceService reference;
    private final Validator validator;
    private final ImportRunner runner;

    public ImportService(ProjectService projects, ProjectListService lists, ProgressService progress, ReferenceService reference,
                         Validator validator, ImportRunner runner) {
        this.projects = projects;
        this.lists = lists;
        this.progress = progress;
        this.reference = reference;
        this.validator = validator;
        this.runner = runner;
    }

    public ImportReportDto run(Tabular.Format format, java.io.InputStream body, String entity, boolean dryRun, String user) {
        return runner.run(format, body, entity, dryRun, SCHEMA, this::apply, user);
    }

    private Outcome apply(String entity, Line line, String user) {
        Cells c = new Cells(line, validator);
        return switch (entity) {
            case "categories" -> reference.upsertCategory(c.valid(new CodeNameDto(c.text("code"), c.text("nameZh"), c.text("nameEn"))),
                    c.required(c.integer("seq"), "seq"));
            case "lists" -> lists.upsert(c.valid(new ProjectListInput(c.text("code"), c.text("nameZh"), c.text("nameEn"), c.integer("year"),
                    c.text("plan"), c.integer("reportedProjectCount"), c.decimal("reportedCompletedInvestmentYuan"),
                    c.decimal("reportedPlannedInvestmentShare"), c.text("reportedNote")),
                    Map.of("reportedCompletedInvestment", "reportedCompletedInvestmentYuan")));
            case "projects" -> {
                String list = c.text("list");
                List<MembershipDto> memberships = list == null ? List.of() : List.of(new MembershipDto(list, c.required(c.integer("seq"), "seq")));
                LocationDto location = c.text("address") == null && c.decimal("latitude") == null ? null
                        : new LocationDto(c.text("address"), c.decimal("latitude"), c.decimal("longitude"));
                yield projects.upsert(c.valid(new ProjectInput(c.text("code"), c.text("nameZh"), c.text("nameEn"), c.text("category"),
                        c.text("tasksZh"), c.text("tasksEn"), c.text("status"), c.text("zone"), c.text("investmentType"),
                        departments(c.text("departments")), location, codes(c.text("indicators")), memberships,
                        c.decimal("totalPlannedInvestmentYuan"), c.decimal("progressPercent"), c.text("note")),
                        Map.of("id", "code", "lists", "list", "totalPlannedInvestment", "totalPlannedInvestmentYuan", "location", "address")));
            }
            case "investments" -> progress.upsertInvestment(c.required(c.text("project"), "project"), c.required(c.integer("year"), "year"),
                    c.valid(new InvestmentInput(c.decimal("plannedYuan"), c.decimal("completedYuan"), c.text("note")),
                            Map.of("planned", "plannedYuan", "completed", "completedYuan")));
            case "milestones" -> progress.upsertMilestone(c.required(c.text("project"), "project"),
                    c.valid(new MilestoneInput(c.text("nameZh"), c.text("nameEn"), c.date("plannedDate"), c.date("actualDate"), c.text("state"))));
            default -> throw new IllegalArgumentException(entity);
        };
    }

    private static List<DepartmentRoleDto> departments(String cell) {
        List<DepartmentRoleDto> roles = new ArrayList<>();
        for (String[] pair : Cells.pairs(cell, "departments", "DRC:LEAD;COMMERCE:SUPPORT")) {
            roles.add(new DepartmentRoleDto(pair[0], pair[1]));
        }
        return roles;
    }

    private static List<String> codes(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

}
