package gov.planmonitor.indicator.repository;

import gov.planmonitor.support.persistence.ArrayInsert;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The current values of these indicators, read-only: an import retires them with {@link #retire}, not by flushing. */
    public Map<Key, Observation> currentOf(List<Long> indicatorIds) {
        Map<Key, Observation> current = new HashMap<>();
        for (List<Long> chunk : ArrayInsert.chunks(indicatorIds, 1_000)) {
            getEntityManager().createQuery("from Observation o where o.indicator.id in ?1 and o.supersededAt is null", Observation.class)
                    .setParameter(1, chunk).setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList()
                    .forEach(o -> current.put(new Key(o.indicator.id, o.year), o));
        }
        return current;
    }

    /** The last revision of every year of these indicators (superseded ones included). */
    public Map<Key, Integer> lastRevisions(List<Long> indicatorIds) {
        Map<Key, Integer> last = new HashMap<>();
        for (List<Long> chunk : ArrayInsert.chunks(indicatorIds, 1_000)) {
            getEntityManager().createQuery("select o.indicator.id, o.year, max(o.revision) from Observation o where o.indicator.id in ?1"
                            + " group by o.indicator.id, o.year", Object[].class).setParameter(1, chunk).getResultList()
                    .forEach(r -> last.put(new Key((Long) r[0], (Integer) r[1]), (Integer) r[2]));
        }
        return last;
    }

    /** Marks current values superseded, in one statement. */
    public void retire(List<Long> observationIds, OffsetDateTime at, String by) {
        if (!observationIds.isEmpty()) {
            getEntityManager().createNativeQuery("UPDATE observation SET superseded_at = ?1, superseded_by = ?2 WHERE id = ANY(?3)")
                    .setParameter(1, at).setParameter(2, by).setParameter(3, observationIds.toArray(Long[]::new)).executeUpdate();
        }
    }

    /**
     * Inserts new revisions (an import's) in a few statements. Their recorded time and author are the import's, and so
     * are those of the ones a later row of the same file superseded.
     */
    public void insertAll(List<Observation> values, OffsetDateTime recordedAt, String recordedBy) {
        ArrayInsert.insert(getEntityManager(), "INSERT INTO observation (recorded_at, recorded_by, superseded_at, superseded_by, indicator_id,"
                        + " year, period_start, value, growth_rate, price_basis, status, qualitative_zh, qualitative_en, comparable, source, note,"
                        + " revision) SELECT ?, ?, CASE WHEN s THEN ?::timestamptz END, CASE WHEN s THEN ? END, i, y, ps, v, g, pb, st, qz, qe, c,"
                        + " src, n, r FROM unnest(?::int8[], ?::int4[], ?::int4[], ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::text[],"
                        + " ?::text[], ?::bool[], ?::text[], ?::text[], ?::int4[], ?::bool[]) AS t(i, y, ps, v, g, pb, st, qz, qe, c, src, n, r, s)",
                List.of(recordedAt, recordedBy, recordedAt, recordedBy), List.of(
                        new ArrayInsert.Column<>("int8", o -> o.indicator.id),
                        new ArrayInsert.Column<>("int4", o -> o.year),
                        new ArrayInsert.Column<>("int4", o -> o.periodStart),
                        new ArrayInsert.Column<>("numeric", o -> o.value),
                        new ArrayInsert.Column<>("numeric", o -> o.growthRate),
                        new ArrayInsert.Column<>("text", o -> o.priceBasis == null ? null : o.priceBasis.name()),
                        new ArrayInsert.Column<>("text", o -> o.status.name()),
                        new ArrayInsert.Column<>("text", o -> o.qualitativeZh),
                        new ArrayInsert.Column<>("text", o -> o.qualitativeEn),
                        new ArrayInsert.Column<>("bool", o -> o.comparable),
                        new ArrayInsert.Column<>("text", o -> o.source),
                        new ArrayInsert.Column<>("text", o -> o.note),
                        new ArrayInsert.Column<>("int4", o -> o.revision),
                        new ArrayInsert.Column<>("bool", o -> o.supersededAt != null)), values);
    }
}
