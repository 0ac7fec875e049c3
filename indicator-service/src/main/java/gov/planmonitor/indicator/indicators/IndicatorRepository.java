package gov.planmonitor.indicator.indicators;

import gov.planmonitor.support.persistence.BulkInsert;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import gov.planmonitor.indicator.departments.Department;
import gov.planmonitor.indicator.plans.Plan;
import gov.planmonitor.indicator.targets.Target;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepository<Indicator> {

    public Optional<Indicator> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public Optional<Indicator> findByPlanAndSeq(Plan plan, int seq) {
        return find("plan = ?1 and seq = ?2", plan, seq).firstResultOptional();
    }

    public List<Indicator> listByPlan(Plan plan) {
        return list("plan = ?1 order by seq", plan);
    }

    /** The code of the indicator's lead department, in one statement; empty when it has none (or no such indicator). */
    public Optional<String> leadDepartmentCode(String indicatorCode) {
        return getEntityManager().createQuery("select d.department.code from IndicatorDepartment d where d.indicator.code = ?1 and d.role = ?2",
                        String.class)
                .setParameter(1, indicatorCode).setParameter(2, IndicatorDepartment.Role.LEAD).getResultStream().findFirst();
    }

    /** Other indicators of the same series (the same measure in other plans). */
    public List<Indicator> listSeriesMembers(Indicator indicator) {
        if (indicator.series == null) {
            return List.of();
        }
        return list("series = ?1 and id <> ?2", indicator.series, indicator.id);
    }

    public List<Indicator> listByDepartment(Department department) {
        String ofDepartment = "i.id in (select d.id.indicatorId from IndicatorDepartment d where d.department = ?1)";
        List<Indicator> found = list("select i from Indicator i where " + ofDepartment + " order by i.plan.startYear, i.plan.code, i.seq", department);
        // The evaluation reads every indicator's targets and departments: two statements for all of them, where lazy
        // loading took one per indicator and collection (these indicators were not batch-fetched).
        if (!found.isEmpty()) {
            getEntityManager().createQuery("select distinct i from Indicator i left join fetch i.targets where " + ofDepartment, Indicator.class)
                    .setParameter(1, department).getResultList();
            getEntityManager().createQuery("select distinct i from Indicator i left join fetch i.departments x left join fetch x.department where "
                    + ofDepartment, Indicator.class).setParameter(1, department).getResultList();
        }
        return found;
    }

    /**
     * The targets of these indicators as they stood at {@code asOf}: recorded by then and not yet superseded, by
     * indicator id, in order of their effective dates. An indicator whose target was recorded later has none.
     */
    public Map<Long, List<Target>> targetsAsOf(Collection<Indicator> indicators, OffsetDateTime asOf) {
        Map<Long, List<Target>> byIndicator = new HashMap<>();
        if (!indicators.isEmpty()) {
            getEntityManager().createQuery("select t from Target t left join fetch t.referenceIndicator where t.indicator in ?1"
                            + " and t.createdAt <= ?2 and (t.supersededAt is null or t.supersededAt > ?2) order by t.effectiveFrom", Target.class)
                    .setParameter(1, indicators).setParameter(2, asOf).getResultList()
                    .forEach(t -> byIndicator.computeIfAbsent(t.indicator.id, k -> new ArrayList<>()).add(t));
        }
        return byIndicator;
    }

    /** Indicators with their plans and departments, by code (the condition on i.code follows). */
    private static final String WITH_DEPARTMENTS = "select distinct i from Indicator i join fetch i.plan left join fetch i.departments d"
            + " left join fetch d.department where i.code";

    /**
     * One indicator with its plan and departments, read-only, in one statement. Its own query rather than a one-element
     * {@link #findWithDepartments}: a list parameter makes Hibernate translate the query again on every call (the SQL
     * depends on the list's length), which was a tenth of a value write's CPU.
     */
    public Optional<Indicator> findOneWithDepartments(String code) {
        return getEntityManager().createQuery(WITH_DEPARTMENTS + " = ?1", Indicator.class)
                .setParameter(1, code).setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst();
    }

    /** Indicators by code with their plan and departments, read-only (for an import's checks), in a statement per 1,000 codes. */
    public Map<String, Indicator> findWithDepartments(Collection<String> codes) {
        Map<String, Indicator> found = new HashMap<>();
        for (List<String> chunk : BulkInsert.chunks(List.copyOf(codes), 1_000)) {
            getEntityManager().createQuery(WITH_DEPARTMENTS + " in ?1", Indicator.class)
                    .setParameter(1, chunk).setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList()
                    .forEach(i -> found.put(i.code, i));
        }
        return found;
    }
}
