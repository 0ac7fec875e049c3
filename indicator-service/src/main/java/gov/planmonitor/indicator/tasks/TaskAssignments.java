package gov.planmonitor.indicator.tasks;

import gov.planmonitor.indicator.plans.PlanRepository;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.Cells;
import gov.planmonitor.support.tabular.CursorRows;
import gov.planmonitor.support.tabular.ImportReportDto;
import gov.planmonitor.support.tabular.ImportRunner;
import gov.planmonitor.support.tabular.Outcome;
import gov.planmonitor.support.tabular.Tabular;
import gov.planmonitor.support.tabular.Transfers;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The division-of-responsibility table (任务分工) in the shape bureaus keep it: 序号 (the task's code), 任务, 牵头单位,
 * 配合单位 (departments by name or code, separated by 、 or ;), 完成时限. The import assigns units and deadlines to the
 * plan's existing tasks, all rows or none; the export gives the same table, so export then import changes nothing.
 */
@ApplicationScoped
@Transactional
public class TaskAssignments implements Transfers.Source {

    public static final String TABLE = "task-assignments";
    /** The most units a cell may name (TaskInput allows 10 lead and 20 supporting units). */
    private static final int MAX_UNITS = 20;
    public static final Map<String, Tabular.Columns> SCHEMA = Map.of(TABLE,
            new Tabular.Columns(List.of("序号", "任务", "牵头单位", "配合单位", "完成时限"), List.of(), Set.of()));

    private final TaskService tasks;
    private final TaskRepository taskRows;
    private final PlanRepository plans;
    private final ImportRunner runner;
    private final Validator validator;
    private final EntityManager em;

    public TaskAssignments(TaskService tasks, TaskRepository taskRows, PlanRepository plans, ImportRunner runner, Validator validator, EntityManager em) {
        this.tasks = tasks;
        this.taskRows = taskRows;
        this.plans = plans;
        this.runner = runner;
        this.validator = validator;
        this.em = em;
    }

    public ImportReportDto importTable(String planCode, Tabular.Format format, InputStream body, boolean dryRun, String user) {
        plans.findByCode(planCode).orElseThrow(() -> new ServiceException.NotFound("no plan with code " + planCode));
        return runner.run(format, body, TABLE, dryRun, SCHEMA, new Tabular.RowHandler() {
            @Override
            public Outcome apply(String name, Tabular.Line line, String caller) {
                return row(planCode, new Cells(line, validator));
            }
        }, user);
    }

    private Outcome row(String planCode, Cells c) {
        String code = c.required(c.text("序号"), "序号");
        PlanTask task = taskRows.findByCode(code).filter(t -> t.plan.code.equals(planCode)).orElseThrow(() -> new ServiceException.Invalid("序号",
                "plan " + planCode + " has no task " + code + " (序号 is the task's code, as the export writes it)"));
        String text = c.text("任务");
        if (text != null && !squeeze(text).equals(squeeze(task.textZh))) {
            throw new ServiceException.Invalid("任务", "the text differs from task " + code + "'s: “" + abbreviate(task.textZh) + "”; is 序号 right?");
        }
        return tasks.reassign(task, units(c, "牵头单位"), units(c, "配合单位"), Deadlines.read(c.text("完成时限"), "完成时限"));
    }

    /** The units of a cell as department codes; a name or code the department list does not hold is a row error. */
    private List<String> units(Cells c, String column) {
        List<String> codes = new ArrayList<>();
        List<String> units = c.list(column);
        if (units.size() > MAX_UNITS) {
            throw new ServiceException.Invalid(column, units.size() + " units in one cell; a task has at most " + MAX_UNITS);
        }
        for (String unit : units) {
            codes.add(tasks.unitCode(unit).orElseThrow(() -> new ServiceException.Invalid(column,
                    "no department is named or coded '" + unit + "' (the department list: GET /api/v1/departments)")));
        }
        return codes;
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    @Override
    public void check(String planCode) {
        if (plans.findByCode(planCode).isEmpty()) {
            throw new ServiceException.NotFound("no plan with code " + planCode);
        }
    }

    @Override
    @TransactionConfiguration(timeout = 600)
    public void write(String entity, String planCode, Tabular.TableWriter tables) throws IOException {
        check(planCode);
        CursorRows.readOnly(em);
        try (Stream<Map<String, Object>> rows = CursorRows.of(em, em.createQuery(TaskRepository.OUTLINE_SELECT
                + " where p.code = :plan order by " + TaskRepository.OUTLINE_ORDER + ", t.id", PlanTask.class)
                .setParameter("plan", planCode), TaskAssignments::row)) {
            tables.table(TABLE, rows);
        }
    }

    private static Map<String, Object> row(PlanTask t) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("序号", t.code);
        row.put("任务", t.textZh);
        row.put("牵头单位", names(t, PlanTask.Role.LEAD));
        row.put("配合单位", names(t, PlanTask.Role.SUPPORT));
        row.put("完成时限", t.effectiveDeadline().toString());
        return row;
    }

    private static String names(PlanTask task, PlanTask.Role role) {
        return task.departments.stream().filter(a -> a.role == role).map(a -> a.department.nameZh).collect(Collectors.joining("、"));
    }
}
