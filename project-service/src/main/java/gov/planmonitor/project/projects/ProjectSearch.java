package gov.planmonitor.project.projects;

import gov.planmonitor.project.config.ProjectConfig;
import gov.planmonitor.project.progress.Investment;
import gov.planmonitor.project.progress.InvestmentRepository;
import gov.planmonitor.project.progress.Milestone;
import gov.planmonitor.project.progress.MilestoneRepository;
import gov.planmonitor.project.lists.ProjectListRepository;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.time.BureauClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The project list (GET /api/v1/projects): its filters as one JPQL query, and its page and sort through the shared
 * {@link PageRequest}. A project's seq is its place in a list, so sorting by it needs list= (the query then joins the
 * memberships).
 */
@ApplicationScoped
@Transactional
public class ProjectSearch {

    /** API sort field to JPQL property, in the order a refused sort lists them. */
    private static final Map<String, String> SORT_FIELDS = new LinkedHashMap<>();

    static {
        SORT_FIELDS.put("seq", "m.seq");
        SORT_FIELDS.put("id", "p.code");
        SORT_FIELDS.put("nameZh", "p.nameZh");
        SORT_FIELDS.put("nameEn", "p.nameEn");
        SORT_FIELDS.put("status", "p.status");
        SORT_FIELDS.put("category", "p.category.seq");
    }

    private static final Map<String, String> OUTSIDE_A_LIST = Map.of("seq", "sort by seq needs list=");

    /** Query filters of the project list. */
    public record Filter(String list, String category, String status, String zone, String department, Integer year, Boolean overdue, String q,
                         OffsetDateTime updatedSince) {
    }

    private final ProjectRepository projects;
    private final ProjectListRepository lists;
    private final InvestmentRepository investments;
    private final MilestoneRepository milestones;
    private final ProjectMapper mapper;
    private final ProjectConfig config;
    private final BureauClock clock;

    public ProjectSearch(ProjectRepository projects, ProjectListRepository lists, InvestmentRepository investments, MilestoneRepository milestones,
                         ProjectMapper mapper, ProjectConfig config, BureauClock clock) {
        this.projects = projects;
        this.lists = lists;
        this.investments = investments;
        this.milestones = milestones;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    public PageDto<ProjectDto> list(Filter f, Integer page, Integer size, String sort) {
        // Page and size are checked before the filters and the sort after them, so a request with several faults is
        // told of the same one first as before.
        PageRequest bounds = PageRequest.of(page, size, config.paging().defaultSize(), config.paging().maxSize());
        if (f.list() != null && lists.findByCode(f.list()).isEmpty()) {
            throw new ServiceException.BadQuery("list", "no project list with code " + f.list());
        }
        String from = f.list() != null ? " from Project p join p.memberships m where m.list.code = :list" : " from Project p where 1 = 1";
        Map<String, Object> params = new HashMap<>();
        if (f.list() != null) {
            params.put("list", f.list());
        }
        String where = where(f, params);
        PageRequest request = bounds.sorted(sort, SORT_FIELDS, f.list() != null ? "seq" : "id", f.list() != null ? Map.of() : OUTSIDE_A_LIST);
        EntityManager em = projects.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(p)" + from + where, Long.class);
        TypedQuery<Project> query = em.createQuery("select p" + from + where + orderBy(request.sort()), Project.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            query.setParameter(k, v);
        });
        List<Project> found = query.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        // Two queries for the whole page rather than two per project.
        Map<Project, List<Investment>> investmentsOf = found.isEmpty() ? Map.of() : investments
                .list("project in ?1 order by year", found).stream().collect(Collectors.groupingBy(i -> i.project));
        Map<Project, List<Milestone>> milestonesOf = found.isEmpty() ? Map.of() : milestones
                .list("project in ?1 order by plannedDate", found).stream().collect(Collectors.groupingBy(m -> m.project));
        List<ProjectDto> items = found.stream().map(project -> mapper.toDto(project, f.list(),
                investmentsOf.getOrDefault(project, List.of()), milestonesOf.getOrDefault(project, List.of()))).toList();
        return new PageDto<>(items, count.getSingleResult(), request.page(), request.size());
    }

    /** The filters' conditions (each starting " and"), adding their parameters to {@code params}. */
    private String where(Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (f.updatedSince() != null) {
            where.append(" and p.updatedAt >= :since");
            params.put("since", f.updatedSince());
        }
        if (f.category() != null) {
            where.append(" and p.category.code = :category");
            params.put("category", f.category());
        }
        if (f.status() != null) {
            try {
                params.put("status", Project.Status.valueOf(f.status()));
            } catch (IllegalArgumentException e) {
                throw new ServiceException.BadQuery("status", "status must be one of " + List.of(Project.Status.values()));
            }
            where.append(" and p.status = :status");
        }
        if (f.zone() != null) {
            if (f.zone().equals("NONE")) {
                where.append(" and p.zone is null");
            } else {
                where.append(" and p.zone.code = :zone");
                params.put("zone", f.zone());
            }
        }
        if (f.department() != null) {
            where.append(" and exists (select 1 from ProjectDepartment d where d.project = p and d.id.departmentCode = :department)");
            params.put("department", f.department());
        }
        if (f.year() != null) {
            where.append(" and (exists (select 1 from Investment i where i.project = p and i.year = :year)"
                    + " or exists (select 1 from ListMember ym where ym.project = p and ym.list.year = :year))");
            params.put("year", f.year());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and " : " and not ");
            where.append("exists (select 1 from Milestone ms where ms.project = p and ms.state = :planned and ms.plannedDate < :today)");
            params.put("planned", Milestone.State.PLANNED);
            params.put("today", clock.today());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and (p.nameZh like :qExact or coalesce(p.tasksZh, '') like :qExact or lower(p.nameEn) like :qLower"
                    + " or lower(coalesce(p.tasksEn, '')) like :qLower or lower(p.code) like :qLower)");
            params.put("qExact", "%" + f.q().trim() + "%");
            params.put("qLower", "%" + f.q().trim().toLowerCase() + "%");
        }
        return where.toString();
    }

    /** The sort's properties, then the row id, so that equal keys page in a stable order. */
    private static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Column column : sort.getColumns()) {
            parts.add(column.getName() + (column.getDirection() == Sort.Direction.Descending ? " desc" : ""));
        }
        parts.add("p.id");
        return " order by " + String.join(", ", parts);
    }
}
