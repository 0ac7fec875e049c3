package gov.planmonitor.indicator.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units of measure the bureau keeps (table {@code unit}, managed through /api/v1/units). An operation reads them once,
 * as a {@link Units} snapshot, in the transaction it runs in: every replica sees a unit the moment it is committed, and no
 * cache has to be told.
 */
@ApplicationScoped
public class UnitCatalog {

    /** A unit; {@code nonNegative} units (money, areas, counts) take no negative values, {@code rate} ones (%, ‰) are rates. */
    public record Unit(String code, String printed, String normalized, BigDecimal scale, String nameZh, String nameEn, boolean nonNegative,
                       boolean rate, int sortOrder) {
        public UnitDto toDto() {
            return new UnitDto(printed, normalized, scale, nameEn, code, nameZh, nonNegative, rate, sortOrder);
        }
    }

    /** The units as they stood when read, by their printed form. */
    public record Units(Map<String, Unit> byPrinted) {

        public Optional<Unit> find(String printed) {
            return Optional.ofNullable(printed == null ? null : byPrinted.get(printed.trim()));
        }

        /** Whether the unit is a rate (%, ‰): false for levels and for units the catalogue does not know. */
        public boolean isRate(String printed) {
            return find(printed).map(Unit::rate).orElse(false);
        }

        /** For a unit absent from the catalogue: the error message lists the known ones. */
        public String knownUnits() {
            return String.join(" ", byPrinted.keySet());
        }

        public Collection<Unit> all() {
            return byPrinted.values();
        }

        /** The unit as an indicator shows it; one the catalogue no longer knows shows as printed. */
        public UnitDto dto(String printed) {
            return find(printed).map(Unit::toDto).orElse(new UnitDto(printed, printed, BigDecimal.ONE, null, null, null, false, false, 0));
        }
    }

    private final EntityManager entities;

    public UnitCatalog(EntityManager entities) {
        this.entities = entities;
    }

    private static final String SELECT = "select code, printed, normalized, scale, name_zh, name_en, non_negative, rate, sort_order from unit";

    /** One statement: every unit, in the bureau's order. */
    public Units snapshot() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(SELECT + " order by sort_order, code").getResultList();
        return units(rows);
    }

    /** One statement: the unit printed so (a single value's write needs no other), or none if the catalogue lacks it. */
    public Units only(String printed) {
        if (printed == null) {
            return new Units(Map.of());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(SELECT + " where printed = ?1").setParameter(1, printed.trim()).getResultList();
        return units(rows);
    }

    private static Units units(List<Object[]> rows) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Object[] r : rows) {
            units.put((String) r[1], new Unit((String) r[0], (String) r[1], (String) r[2], gov.planmonitor.indicator.indicators.IndicatorMapper.strip((BigDecimal) r[3]), (String) r[4],
                    (String) r[5], (Boolean) r[6], (Boolean) r[7], ((Number) r[8]).intValue()));
        }
        return new Units(units);
    }
}
