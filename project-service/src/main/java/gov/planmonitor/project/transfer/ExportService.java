package gov.planmonitor.project.transfer;

import gov.planmonitor.project.reference.Category;
import gov.planmonitor.project.progress.Investment;
import gov.planmonitor.project.lists.ListMember;
import gov.planmonitor.project.progress.Milestone;
import gov.planmonitor.project.projects.Project;
import gov.planmonitor.project.lists.ProjectList;
import gov.planmonitor.project.lists.ProjectListRepository;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.tabular.CursorRows;
import gov.planmonitor.support.tabular.Tabular;
import gov.planmonitor.support.tabular.Transfers;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static gov.planmonitor.project.projects.MoneyDto.strip;

/**
 * Export in the import's own tables, so that export then import round-trips. The rows are read through a database
 * cursor while the file is written ({@link CursorRows}): the response is written after the resource method has
 * returned, so {@link #write} runs then, in a read-only transaction of its own that lasts as long as the writing. The
 * alternative, reading every entity inside the resource method and writing afterwards, would hold whole tables in
 * memory, which is what exporting this way avoids. Its price: an export holds a database connection while it is
 * written, a slow reader's pace included (at most {@link #TIMEOUT_SECONDS}), one reason exports need a token by default.
 */
@ApplicationScoped
@Transactional
public class ExportService implements Transfers.Source {

    /** Longest an export may take, the client's reading included; past it the transaction ends and the file is cut short. */
    static final int TIMEOUT_SECONDS = 600;

    /** The projects of one list (the alias p being a project). */
    private static final String OF_LIST = "p in (select m.project from ListMember m where m.list.code = :list)";

    private final ProjectListRepository lists;
    private final EntityManager em;

    public ExportService(ProjectListRepository lists, EntityManager em) {
        this.lists = lists;
        this.em = em;
    }

    /** A list filter naming nothing is a bad query (400, as listProjects answers), not a missing resource. */
    @Override
    public void check(String listCode) {
        if (listCode != null && lists.findByCode(listCode).isEmpty()) {
            throw new ServiceException.BadQuery("list", "no project list with code " + listCode);
        }
    }

    /** One entity or all; optionally only one list (its row, its projects and their figures). */
    @Override
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public void write(String entity, String listCode, Tabular.TableWriter tables) throws IOException {
        // again, in this transaction: the list may have gone since the check (nothing is written yet)
        check(listCode);
        CursorRows.readOnly(em);
        for (String name : ImportService.SCHEMA.keySet()) {
            if (entity != null && !entity.equals(name)) {
                continue;
            }
            try (Stream<Map<String, Object>> rows = rows(name, listCode)) {
                tables.table(name, rows);
            }
        }
    }

    private Stream<Map<String, Object>> rows(String name, String listCode) {
        boolean all = listCode == null;
        return switch (name) {
            case "categories" -> CursorRows.of(em, em.createQuery("select c from Category c order by c.seq, c.code", Category.class),
                    ExportService::row);
            case "lists" -> CursorRows.of(em, withList(em.createQuery("select l from ProjectList l" + (all ? "" : " where l.code = :list")
                    + " order by l.code", ProjectList.class), listCode), ExportService::row);
            // One row per membership; a project outside every list gets one row without a list. Of one list: its
            // members in the list's order.
            case "projects" -> all
                    ? CursorRows.of(em, em.createQuery("select p, m from Project p left join p.memberships m left join m.list l"
                    + " order by p.code, l.code", Object[].class), r -> row((Project) r[0], (ListMember) r[1]))
                    : CursorRows.of(em, withList(em.createQuery("select m from ListMember m join fetch m.project p"
                    + " where m.list.code = :list order by m.seq, p.code", ListMember.class), listCode), m -> row(m.project, m));
            case "investments" -> CursorRows.of(em, withList(em.createQuery("select i from Investment i join fetch i.project p"
                    + (all ? "" : " where " + OF_LIST) + " order by p.code, i.year", Investment.class), listCode), ExportService::row);
            default -> CursorRows.of(em, withList(em.createQuery("select x from Milestone x join fetch x.project p"
                    + (all ? "" : " where " + OF_LIST) + " order by p.code, x.plannedDate, x.id", Milestone.class), listCode), ExportService::row);
        };
    }

    private static <T> TypedQuery<T> withList(TypedQuery<T> query, String listCode) {
        return listCode == null ? query : query.setParameter("list", listCode);
    }

    private static Map<String, Object> row(Category c) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("code", c.code);
        r.put("nameZh", c.nameZh);
        r.put("nameEn", c.nameEn);
        r.put("seq", c.seq);
        return r;
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
