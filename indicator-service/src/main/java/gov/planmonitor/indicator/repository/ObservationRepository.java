package gov.planmonitor.indicator.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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
}
