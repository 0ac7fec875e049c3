package gov.planmonitor.indicator.observations;

import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.persistence.BulkInsert;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import gov.planmonitor.indicator.indicators.Indicator;
import gov.planmonitor.indicator.plans.Plan;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    private static final String IN_FORCE =
            "recordedAt <= ?2 and (supersededAt is null or supersededAt > ?2)";

    public Optional<Observation> findCurrent(Indicator indicator, int year) {
        return find("indicator = ?1 and year = ?2 and supersededAt is null", indicator, year).firstResultOptional();
    }

    /** The values as they stood at {@code asOf}; null means now. */
    public List<Observation> listAsOf(Indicator indicator, OffsetDateTime asOf) {
        if (asOf == null) {
            return list("indicator = ?1 and supersededAt is null order by year", indicator);
        }
        return list("indicator = ?1 and " + IN_FORCE + " order by year", indicator, asOf);
    }

    public List<Observation> listAsOf(Collection<Indicator> indicators, OffsetDateTime asOf) {
        if (indicators.isEmpty()) {
            return List.of();
        }
        if (asOf == null) {
            return list("indicator in ?1 and supersededAt is null order by year", indicators);
        }
        return list("indicator in ?1 and " + IN_FORCE + " order by year", indicators, asOf);
    }

    /**
     * The latest year of the plan's period with a value, as of a time (null: now), on the plan's indicators or on the
     * indicators its evaluation also reads (the same series in other plans, the references of relative targets).
     */
    public Integer latestYearUsedBy(Plan plan, OffsetDateTime asOf) {
        String inForce = asOf == null ? "o.superseded_at IS NULL"
                : "o.recorded_at <= ?4 AND (o.superseded_at IS NULL OR o.superseded_at > ?4)";
        var query = getEntityManager().createNativeQuery("SELECT max(o.year) FROM observation o WHERE o.year BETWEEN ?2 AND ?3 AND "
                + inForce + " AND o.indicator_id IN (SELECT i.id FROM indicator i WHERE i.plan_id = ?1"
                + " UNION SELECT l.id FROM indicator l JOIN indicator i ON l.series = i.series WHERE i.plan_id = ?1"
                + " UNION SELECT t.reference_indicator_id FROM target t JOIN indicator i ON i.id = t.indicator_id"
                + " WHERE i.plan_id = ?1 AND t.reference_indicator_id IS NOT NULL)", Integer.class)
                .setParameter(1, plan.id).setParameter(2, plan.startYear).setParameter(3, plan.endYear);
        if (asOf != null) {
            query.setParameter(4, asOf);
        }
        return (Integer) query.getSingleResult();
    }

    public List<Observation> history(Indicator indicator, int year) {
        return list("indicator = ?1 and year = ?2 order by revision", indicator, year);
    }

    public int nextRevision(Indicator indicator, int year) {
        Integer max = getEntityManager()
                .createQuery("select max(o.revision) from Observation o where o.indicator = ?1 and o.year = ?2", Integer.class)
                .setParameter(1, indicator).setParameter(2, year).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** An indicator's year: the key of a current value. */
    public record Key(long indicatorId, int year) {
    }

    /** Row locks on the indicators, in id order (so two importers cannot deadlock), until commit. */
    public void lockIndicators(List<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("SELECT id FROM indicator WHERE id = ANY(?1) ORDER BY id FOR UPDATE")
                .setParameter(1, indicatorIds.toArray(Long[]::new)).getResultList();
    }

    /** A year of an indicator as an import finds it: its current value, if any, and its last revision. */
    public record YearState(Observation current, int lastRevision) {
    }

    /**
     * The state of every year of these indicators, in one statement per 1,000 indicators read straight from JDBC: the
     * current values come back as plain objects the session does not manage (an import retires them with
     * {@link #retire}), so neither a flush nor the commit dirty-checks 100,000 of them.
     */
    public Map<Key, YearState> yearsOf(Map<Long, Indicator> indicators) {
        Map<Key, YearState> years = new HashMap<>();
        String sql = "SELECT m.indicator_id, m.year, m.last, c.id, c.period_start, c.value, c.growth_rate, c.price_basis, c.status,"
                + " c.qualitative_zh, c.qualitative_en, c.comparable, c.source, c.note, c.revision, c.recorded_at, c.recorded_by,"
                + " c.completed, c.evidence"
                + " FROM (SELECT indicator_id, year, max(revision) AS last FROM observation WHERE indicator_id = ANY(?)"
                + " GROUP BY indicator_id, year) m"
                + " LEFT JOIN observation c ON c.indicator_id = m.indicator_id AND c.year = m.year AND c.superseded_at IS NULL";
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (List<Long> chunk : BulkInsert.chunks(List.copyOf(indicators.keySet()), 1_000)) {
                    statement.setArray(1, connection.createArrayOf("int8", chunk.toArray()));
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            Key key = new Key(row.getLong(1), row.getInt(2));
                            Observation current = null;
                            if (row.getObject(4) != null) {
                                current = new Observation();
                                current.id = row.getLong(4);
                                current.indicator = indicators.get(key.indicatorId());
                                current.year = key.year();
                                current.periodStart = (Integer) row.getObject(5);
                                current.value = row.getBigDecimal(6);
                                current.growthRate = row.getBigDecimal(7);
                                String basis = row.getString(8);
                                current.priceBasis = basis == null ? null : Observation.PriceBasis.valueOf(basis);
                                current.status = Observation.Status.valueOf(row.getString(9));
                                current.qualitativeZh = row.getString(10);
                                current.qualitativeEn = row.getString(11);
                                current.comparable = row.getBoolean(12);
                                current.source = row.getString(13);
                                current.note = row.getString(14);
                                current.revision = row.getInt(15);
                                current.recordedAt = row.getObject(16, OffsetDateTime.class);
                                current.recordedBy = row.getString(17);
                                current.completed = (Boolean) row.getObject(18);
                                current.evidence = row.getString(19);
                            }
                            years.put(key, new YearState(current, row.getInt(3)));
                        }
                    }
                }
            }
        });
        return years;
    }

    /** Marks current values superseded at the times set on them ({@link Observation#supersededAt}), a statement per distinct time. */
    public void retire(List<Observation> retired, String by) {
        Map<OffsetDateTime, List<Long>> byTime = new java.util.TreeMap<>();
        retired.forEach(o -> byTime.computeIfAbsent(o.supersededAt, t -> new java.util.ArrayList<>()).add(o.id));
        byTime.forEach((at, ids) -> getEntityManager()
                .createNativeQuery("UPDATE observation SET superseded_at = ?1, superseded_by = ?2 WHERE id = ANY(?3)")
                .setParameter(1, at).setParameter(2, by).setParameter(3, ids.toArray(Long[]::new)).executeUpdate());
    }

    /**
     * The audit entries of an import's new revisions ({@code written}, in file order), built by the database from the
     * rows just inserted: each new revision's API representation, and that of the revision it replaced
     * ({@code replaced}, the same position; null for a created value), as it is now, retired. The JSON is the
     * {@link ObservationDto} the mapper makes and Jackson writes: numbers without trailing zeros, times with their
     * offset (the one the row was recorded with; UTC as read from the database) and as long a fraction as needed.
     */
    public void auditImport(AuditTrail audit, List<Observation> written, List<Observation> replaced) {
        int n = written.size();
        if (n == 0) {
            return;
        }
        Long[] indicators = new Long[n];
        Integer[] years = new Integer[n];
        Integer[] revisions = new Integer[n];
        Integer[] replacedRevisions = new Integer[n];
        Integer[] offsets = new Integer[n];
        Integer[] replacedOffsets = new Integer[n];
        for (int i = 0; i < n; i++) {
            Observation o = written.get(i);
            Observation before = replaced.get(i);
            indicators[i] = o.indicator.id;
            years[i] = o.year;
            revisions[i] = o.revision;
            offsets[i] = o.recordedAt.getOffset().getTotalSeconds();
            replacedRevisions[i] = before == null ? null : before.revision;
            replacedOffsets[i] = before == null ? null : before.recordedAt.getOffset().getTotalSeconds();
        }
        audit.recordSelected("observation", AUDITED_IMPORT, (statement, first) -> {
            var connection = statement.getConnection();
            statement.setArray(first, connection.createArrayOf("int8", indicators));
            statement.setArray(first + 1, connection.createArrayOf("int4", years));
            statement.setArray(first + 2, connection.createArrayOf("int4", revisions));
            statement.setArray(first + 3, connection.createArrayOf("int4", replacedRevisions));
            statement.setArray(first + 4, connection.createArrayOf("int4", offsets));
            statement.setArray(first + 5, connection.createArrayOf("int4", replacedOffsets));
        });
    }

    /** An observation row {@code o} as {@link ObservationDto} JSON; its times in the offsets given (seconds east of UTC). */
    private static String dtoJson(String recordedOffset, String supersededOffset, boolean current) {
        return "jsonb_build_object('indicator', i.code, 'year', o.year, 'periodStart', o.period_start, 'value', trim_scale(o.value),"
                + " 'growthRate', trim_scale(o.growth_rate), 'priceBasis', o.price_basis, 'status', o.status,"
                + " 'qualitativeZh', o.qualitative_zh, 'qualitativeEn', o.qualitative_en, 'comparable', o.comparable, 'source', o.source,"
                + " 'note', o.note, 'completed', o.completed, 'evidence', o.evidence, 'revision', o.revision,"
                + " 'recordedAt', " + isoTime("o.recorded_at", recordedOffset) + ", 'recordedBy', o.recorded_by,"
                + " 'supersededAt', " + (current ? "NULL" : isoTime("o.superseded_at", supersededOffset))
                + ", 'supersededBy', " + (current ? "NULL" : "o.superseded_by") + ")";
    }

    /**
     * A time as Jackson writes an OffsetDateTime (ISO_OFFSET_DATE_TIME): seconds always, the fraction without trailing
     * zeros (none when zero), Z for UTC, else ±HH:MM (and :SS when the offset has seconds).
     */
    private static String isoTime(String time, String offset) {
        String local = "(" + time + " AT TIME ZONE make_interval(secs => " + offset + "))";
        String abs = "make_interval(secs => abs(" + offset + "))";
        return "(to_char(" + local + ", 'YYYY-MM-DD\"T\"HH24:MI:SS') || COALESCE('.' || NULLIF(rtrim(to_char(" + local + ", 'US'), '0'), ''), '')"
                + " || CASE WHEN " + offset + " = 0 THEN 'Z' ELSE CASE WHEN " + offset + " < 0 THEN '-' ELSE '+' END || to_char(" + abs + ", 'HH24:MI')"
                + " || CASE WHEN " + offset + " % 60 = 0 THEN '' ELSE to_char(" + abs + ", ':SS') END END)";
    }

    /**
     * The import's changes in file order: the narrow list sorted first, then each state built by a lookup on the
     * revision index (a nested loop that keeps that order, so the wide rows need no sort of their own).
     */
    private static final String AUDITED_IMPORT = "SELECT c.ord, a.resource_id, b.state AS before_state, a.state AS after_state"
            + " FROM (SELECT * FROM unnest(?::int8[], ?::int4[], ?::int4[], ?::int4[], ?::int4[], ?::int4[]) WITH ORDINALITY"
            + " AS u(indicator_id, year, revision, replaced_revision, recorded_offset, replaced_offset, ord) ORDER BY ord) c"
            + " CROSS JOIN LATERAL (SELECT i.code || '/' || o.year AS resource_id, " + dtoJson("c.recorded_offset", null, true) + " AS state"
            + " FROM observation o JOIN indicator i ON i.id = o.indicator_id"
            + " WHERE o.indicator_id = c.indicator_id AND o.year = c.year AND o.revision = c.revision) a"
            + " LEFT JOIN LATERAL (SELECT " + dtoJson("c.replaced_offset", "c.recorded_offset", false) + " AS state"
            + " FROM observation o JOIN indicator i ON i.id = o.indicator_id"
            + " WHERE o.indicator_id = c.indicator_id AND o.year = c.year AND o.revision = c.replaced_revision) b ON TRUE";

    /**
     * Inserts new revisions (an import's) with COPY, each with its own recorded time (the import's, or the one its row
     * gives) and superseded time (set when a later row of the same file replaced it); the author is the importer.
     */
    public void insertAll(List<Observation> values, String recordedBy) {
        BulkInsert.copy(getEntityManager(), "observation", List.of(
                new BulkInsert.Column<Observation>("recorded_at", o -> o.recordedAt),
                new BulkInsert.Column<>("recorded_by", o -> recordedBy),
                new BulkInsert.Column<>("superseded_at", o -> o.supersededAt),
                new BulkInsert.Column<>("superseded_by", o -> o.supersededAt == null ? null : recordedBy),
                new BulkInsert.Column<>("indicator_id", o -> o.indicator.id),
                new BulkInsert.Column<>("year", o -> o.year),
                new BulkInsert.Column<>("period_start", o -> o.periodStart),
                new BulkInsert.Column<>("value", o -> o.value),
                new BulkInsert.Column<>("growth_rate", o -> o.growthRate),
                new BulkInsert.Column<>("price_basis", o -> o.priceBasis == null ? null : o.priceBasis.name()),
                new BulkInsert.Column<>("status", o -> o.status.name()),
                new BulkInsert.Column<>("qualitative_zh", o -> o.qualitativeZh),
                new BulkInsert.Column<>("qualitative_en", o -> o.qualitativeEn),
                new BulkInsert.Column<>("comparable", o -> o.comparable),
                new BulkInsert.Column<>("source", o -> o.source),
                new BulkInsert.Column<>("note", o -> o.note),
                new BulkInsert.Column<>("completed", o -> o.completed),
                new BulkInsert.Column<>("evidence", o -> o.evidence),
                new BulkInsert.Column<>("revision", o -> o.revision)), values);
    }
}
