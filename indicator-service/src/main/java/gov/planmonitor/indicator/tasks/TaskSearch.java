package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.config.IndicatorConfig;
import gov.planmonitor.indicator.tasks.rules.TaskLifecycle;
import gov.planmonitor.support.paging.PageDto;
import gov.planmonitor.support.paging.PageRequest;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.time.BureauClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The oversight query: tasks by plan, department, status (DELAYED included), overdue, deadline range, level, parent and
 * the indicator that quantifies them,
 * in the plan's printed order (area, sub-area, task) or by deadline. One SQL statement finds the page's ids and the
 * total; the tasks are then loaded by id.
 */
@ApplicationScoped
@Transactional
public class TaskSearch {

    /** The filters of a task list; nulls are absent. */
    public record Filters(String plan, String department, String role, String status, Boolean overdue, LocalDate deadlineFrom,
                          LocalDate deadlineTo, String level, String parent, Boolean unassigned, String commitment) {
    }

    private static final String DEADLINE = TaskRepository.DEADLINE_SQL;
    private static final String OPEN = TaskRepository.OPEN_SQL;
    private static final String OUTLINE = "p.start_year, p.code, array_remove(ARRAY[g.seq, a.seq, t.seq], NULL)";
    private static final Map<String, String> SORTS = Map.of(
            "outline", OUTLINE, "deadline", DEADLINE + ", " + OUTLINE, "-deadline", DEADLINE + " DESC, " + OUTLINE,
            "code", "t.code", "-code", "t.code DESC");

    private final EntityManager entities;
    private final TaskViews views;
    private final IndicatorConfig config;
    private final BureauClock clock;

    public TaskSearch(EntityManager entities, TaskViews views, IndicatorConfig config, BureauClock clock) {
        this.entities = entities;
        this.views = views;
        this.config = config;
        this.clock = clock;
    }

    public PageDto<TaskDto> list(Filters filters, Integer page, Integer size, String sort) {
        return ReadOnly.read(entities, () -> listReadOnly(filters, page, size, sort));
    }

    private PageDto<TaskDto> listReadOnly(Filters f, Integer page, Integer size, String sort) {
        PageRequest request = PageRequest.of(page, size, config.paging().defaultSize(), config.paging().maxSize());
        String order = SORTS.get(sort == null ? "outline" : sort);
        if (order == null) {
            throw new ServiceException.BadQuery("sort", "sort must be one of outline, deadline, -deadline, code, -code");
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        LocalDate today = clock.today();
        if (f.plan() != null) {
            where.add("p.code = ?");
            params.add(f.plan());
        }
        if (f.department() != null) {
            String role = role(f.role());
            where.add("EXISTS (SELECT 1 FROM task_department td JOIN department d ON d.id = td.department_id WHERE td.task_id = t.id AND d.code = ?"
                    + (role == null ? "" : " AND td.role = '" + role + "'") + ")");
            params.add(f.department());
        } else if (f.role() != null) {
            throw new ServiceException.BadQuery("role", "role filters a department's tasks: give department too");
        }
        if (Boolean.TRUE.equals(f.unassigned())) {
            where.add("NOT EXISTS (SELECT 1 FROM task_department td WHERE td.task_id = t.id AND td.role = 'LEAD')");
        } else if (Boolean.FALSE.equals(f.unassigned())) {
            where.add("EXISTS (SELECT 1 FROM task_department td WHERE td.task_id = t.id AND td.role = 'LEAD')");
        }
        if (f.status() != null) {
            where.add(status(f.status()));
            params.add(today);
        }
        if (f.overdue() != null) {
            where.add((f.overdue() ? "" : "NOT ") + "(" + OPEN + " AND " + DEADLINE + " < ?)");
            params.add(today);
        }
        if (f.deadlineFrom() != null) {
            where.add(DEADLINE + " >= ?");
            params.add(f.deadlineFrom());
        }
        if (f.deadlineTo() != null) {
            where.add(DEADLINE + " <= ?");
            params.add(f.deadlineTo());
        }
        if (f.deadlineFrom() != null && f.deadlineTo() != null && f.deadlineTo().isBefore(f.deadlineFrom())) {
            throw new ServiceException.BadQuery("deadlineTo", "deadlineTo " + f.deadlineTo() + " is before deadlineFrom " + f.deadlineFrom());
        }
        if (f.level() != null) {
            where.add("t.depth = " + depth(f.level()));
        }
        if (f.commitment() != null) {
            where.add("EXISTS (SELECT 1 FROM task_commitment tc JOIN indicator i ON i.id = tc.indicator_id WHERE tc.task_id = t.id AND i.code = ?)");
            params.add(f.commitment());
        }
        if (f.parent() != null) {
            where.add("a.code = ?");
            params.add(f.parent());
        }
        String sql = "SELECT t.id, count(*) OVER () FROM plan_task t JOIN plan p ON p.id = t.plan_id"
                + " LEFT JOIN plan_task a ON a.id = t.parent_id LEFT JOIN plan_task g ON g.id = a.parent_id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order + ", t.id LIMIT ? OFFSET ?";
        Query query = bind(entities.createNativeQuery(sql), params);
        query.setParameter(params.size() + 1, request.size());
        query.setParameter(params.size() + 2, request.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        long total = rows.isEmpty() ? count(sql, params, request) : ((Number) rows.get(0)[1]).longValue();
        return new PageDto<>(views.all(load(ids)), total, request.page(), request.size());
    }

    /** A page past the end has no rows to carry the total: count without paging. */
    private long count(String sql, List<Object> params, PageRequest request) {
        if (request.offset() == 0) {
            return 0;
        }
        Query query = bind(entities.createNativeQuery("SELECT count(*) FROM (" + sql.replaceFirst(" ORDER BY .*$", "") + ") c"), params);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** The filters' values as the query's positional parameters, in order. */
    private static Query bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }

    private List<PlanTask> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PlanTask> byId = entities.createQuery("select t from PlanTask t join fetch t.plan left join fetch t.parent where t.id in :ids", PlanTask.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    private static String status(String status) {
        TaskLifecycle.Shown shown;
        try {
            shown = TaskLifecycle.Shown.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new ServiceException.BadQuery("status", "status must be NOT_STARTED, IN_PROGRESS, COMPLETED, SUSPENDED, CANCELLED or DELAYED");
        }
        return switch (shown) {
            case DELAYED -> "(" + OPEN + " AND " + DEADLINE + " < ?)";
            case NOT_STARTED, IN_PROGRESS -> "(t.status = '" + shown.name() + "' AND " + DEADLINE + " >= ?)";
            default -> "(t.status = '" + shown.name() + "' AND CAST(? AS date) IS NOT NULL)";
        };
    }

    private static String role(String role) {
        if (role == null) {
            return null;
        }
        if (!role.equals("LEAD") && !role.equals("SUPPORT")) {
            throw new ServiceException.BadQuery("role", "role must be LEAD or SUPPORT");
        }
        return role;
    }

    private static int depth(String level) {
        return switch (level) {
            case "AREA" -> 1;
            case "SUB_AREA" -> 2;
            case "TASK" -> 3;
            default -> throw new ServiceException.BadQuery("level", "level must be AREA, SUB_AREA or TASK");
        };
    }

}
