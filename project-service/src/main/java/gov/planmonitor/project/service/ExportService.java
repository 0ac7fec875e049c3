package gov.planmonitor.project.service;

import gov.planmonitor.project.repository.CategoryRepository;
import gov.planmonitor.project.repository.Investment;
import gov.planmonitor.project.repository.InvestmentRepository;
import gov.planmonitor.project.repository.ListMember;
import gov.planmonitor.project.repository.Milestone;
import gov.planmonitor.project.repository.MilestoneRepository;
import gov.planmonitor.project.repository.Project;
import gov.planmonitor.project.repository.ProjectList;
import gov.planmonitor.project.repository.ProjectListRepository;
import gov.planmonitor.project.repository.ProjectRepository;
import gov.planmonitor.support.problem.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static gov.planmonitor.project.mapping.MoneyDto.strip;

/** Export in the import's own tables, so that export then import round-trips. */
@ApplicationScoped
@Transactional
public class ExportService {

    private final CategoryRepository categories;
    private final ProjectListRepository lists;
    private final ProjectRepository projects;
    private final InvestmentRepository investments;
    private final MilestoneRepository milestones;

    public ExportService(CategoryRepository categories, ProjectListRepository lists, ProjectRepository projects,
                         InvestmentRepository investments, MilestoneRepository milestones) {
        this.categories = categories;
        this.lists = lists;
        this.projects = projects;
        this.investments = investments;
        this.milestones = milestones;
    }

    /** One entity or all; optionally only one list (its row, its projects and their figures). */
    public Map<String, List<Map<String, Object>>> tables(String entity, String listCode) {
        if (entity != null && !ImportService.SCHEMA.containsKey(entity)) {
            throw new ServiceException.BadQuery("entity", "unknown entity " + entity + "; one of " + ImportService.SCHEMA.keySet());
        }
        ProjectList only = listCode == null ? null : lists.findByCode(listCode)
                // A filter naming nothing is a bad query (400, as listProjects answers), not a missing resource.
                .orElseThrow(() -> new ServiceException.BadQuery("list", "no project list with code " + listCode));
        List<ProjectList> listRows = only != null ? List.of(only) : lists.list("order by code");
        // One row per membership; a project outside every list gets one row without a list.
        List<Map<String, Object>> projectRows = new ArrayList<>();
        List<Project> projectList = new ArrayList<>();
        if (only != null) {
            only.members.forEach(m -> {
                projectRows.add(row(m.project, m));
                projectList.add(m.project);
            });
        } else {
            for (Project p : projects.list("order by code")) {
                projectList.add(p);
                if (p.memberships.isEmpty()) {
                    projectRows.add(row(p, null));
                }
                p.memberships.stream().sorted((a, b) -> a.list.code.compareTo(b.list.code)).forEach(m -> projectRows.add(row(p, m)));
            }
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String name : ImportService.SCHEMA.keySet()) {
            if (entity != null && !entity.equals(name)) {
                continue;
            }
            tables.put(name, switch (name) {
                case "categories" -> categories.list("order by seq, code").stream().map(c -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("code", c.code);
                    r.put("nameZh", c.nameZh);
                    r.put("nameEn", c.nameEn);
                    r.put("seq", c.seq);
                    return r;
                }).toList();
                case "lists" -> listRows.stream().map(ExportService::row).toList();
                case "projects" -> projectRows;
                case "investments" -> projectList.isEmpty() ? List.of()
                        : investments.list("project in ?1 order by project.code, year", projectList).stream().map(ExportService::row).toList();
                default -> projectList.isEmpty() ? List.of()
                        : milestones.list("project in ?1 order by project.code, plannedDate, id", projectList).stream().map(ExportService::row).toList();
            });
        }
        return tables;
    }

    private static Map<String, Object> row(ProjectList l) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", l.code);
        r.put("nameZh", l.nameZh);
        r.put("nameEn", l.nameEn);
        r.put("year", l.year);
        r.put("plan", l.planCode);
        r.put("reportedProjectCount", l.reportedProjectCount);
        r.put("reportedCompletedInvestmentYuan", strip(l.reportedCompletedInvestment));
        r.put("reportedPlannedInvestmentShare", strip(l.reportedPlannedInvestmentShare));
        r.put("reportedNote", l.reportedNote);
        return r;
    }

    private static Map<String, Object> row(Project p, ListMember m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", p.code);
        r.put("list", m == null ? null : m.list.code);
        r.put("seq", m == null ? null : m.seq);
        r.put("category", p.category.code);
        r.put("nameZh", p.nameZh);
        r.put("nameEn", p.nameEn);
        r.put("tasksZh", p.tasksZh);
        r.put("tasksEn", p.tasksEn);
        r.put("zone", p.zone == null ? null : p.zone.code);
        r.put("investmentType", p.investmentType == null ? null : p.investmentType.name());
        r.put("departments", p.departments.stream().map(d -> d.code() + ":" + d.role.name()).collect(Collectors.joining(";")));
        r.put("status", p.status.name());
        r.put("indicators", String.join(";", p.indicators));
        r.put("note", p.note);
        r.put("totalPlannedInvestmentYuan", strip(p.totalPlannedInvestment));
        r.put("progressPercent", strip(p.progressPercent));
        r.put("address", p.address);
        r.put("latitude", strip(p.latitude));
        r.put("longitude", strip(p.longitude));
        return r;
    }

    private static Map<String, Object> row(Investment i) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("project", i.project.code);
        r.put("year", i.year);
        r.put("plannedYuan", strip(i.planned));
        r.put("completedYuan", strip(i.completed));
        r.put("note", i.note);
        return r;
    }

    private static Map<String, Object> row(Milestone m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("project", m.project.code);
        r.put("nameZh", m.nameZh);
        r.put("nameEn", m.nameEn);
        r.put("plannedDate", m.plannedDate.toString());
        r.put("actualDate", m.actualDate == null ? null : m.actualDate.toString());
        r.put("state", m.state.name());
        return r;
    }
}
