package gov.planmonitor.indicator.units;

import gov.planmonitor.indicator.indicators.IndicatorMapper;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** The units of measure as the bureau keeps them: planners and admins add, replace and remove them, audited. */
@ApplicationScoped
@Transactional
public class UnitService {

    private final EntityManager entities;
    private final UnitCatalog catalog;
    private final Caller caller;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<UnitOfMeasure, UnitDto> kind = new VersionedWrites.Kind<>("unit", u -> u.code, UnitService::toDto);

    public UnitService(EntityManager entities, UnitCatalog catalog, Caller caller, VersionedWrites writes) {
        this.entities = entities;
        this.catalog = catalog;
        this.caller = caller;
        this.writes = writes;
    }

    public List<UnitDto> list() {
        return ReadOnly.read(entities, () -> catalog.snapshot().all().stream().map(UnitCatalog.Unit::toDto).toList());
    }

    public Versioned<UnitDto> view(String code) {
        UnitOfMeasure unit = get(code);
        return new Versioned<>(toDto(unit), unit.version);
    }

    /** Creates the unit (created: true) or replaces it (If-Match required); the printed form of a unit never changes. */
    public record Written(Versioned<UnitDto> unit, boolean created) {
    }

    public Written put(String code, @NotNull @Valid UnitInput input, IfMatch ifMatch) {
        caller.require("keeping the units of measure", Roles.PLANNER);
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new ServiceException.BadQuery("code", "a unit's code is UPPER_SNAKE_CASE, at most 40 characters (PERSON_10K)");
        }
        UnitOfMeasure existing = entities.find(UnitOfMeasure.class, code);
        String printed = input.printed().trim();
        VersionedWrites.Put<UnitDto> put = writes.put(kind, code, existing, ifMatch, UnitOfMeasure::new, unit -> {
            if (existing == null) {
                entities.createQuery("select u from UnitOfMeasure u where u.printed = :printed", UnitOfMeasure.class)
                        .setParameter("printed", printed).getResultStream().findFirst().ifPresent(sameForm -> {
                            throw new ServiceException.Conflict("unit " + sameForm.code + " is already printed " + printed);
                        });
                unit.code = code;
                unit.printed = printed;
            } else if (!unit.printed.equals(printed)) {
                throw new ServiceException.Invalid("printed", "unit " + code + " is printed " + unit.printed + "; a printed form does not change"
                        + " (indicators name their unit by it): add a unit of its own");
            }
            apply(unit, input);
        });
        return new Written(put.value(), put.created());
    }

    /** Removes a unit no indicator uses (409 naming up to five that do). */
    public void delete(String code, IfMatch ifMatch) {
        caller.require("keeping the units of measure", Roles.PLANNER);
        UnitOfMeasure unit = get(code);
        writes.delete(kind, unit, ifMatch, () -> {
            @SuppressWarnings("unchecked")
            List<String> users = entities.createNativeQuery("select code from indicator where unit = ?1 order by code limit 5")
                    .setParameter(1, unit.printed).getResultList();
            if (!users.isEmpty()) {
                throw new ServiceException.Conflict("unit " + code + " (" + unit.printed + ") is the unit of " + String.join(", ", users)
                        + (users.size() == 5 ? " and perhaps more" : "") + ": change their unit first");
            }
        });
    }

    private UnitOfMeasure get(String code) {
        UnitOfMeasure unit = entities.find(UnitOfMeasure.class, code);
        if (unit == null) {
            throw new ServiceException.NotFound("no unit with code " + code);
        }
        return unit;
    }

    private static void apply(UnitOfMeasure unit, UnitInput input) {
        unit.normalized = input.normalized().trim();
        unit.scale = input.scale();
        unit.nameZh = input.nameZh().trim();
        unit.nameEn = input.nameEn() == null || input.nameEn().isBlank() ? null : input.nameEn().trim();
        unit.nonNegative = input.nonNegative();
        unit.rate = input.rate();
        unit.sortOrder = input.sortOrder();
    }

    private static UnitDto toDto(UnitOfMeasure u) {
        return new UnitDto(u.printed, u.normalized, IndicatorMapper.strip(u.scale), u.nameEn, u.code, u.nameZh, u.nonNegative, u.rate, u.sortOrder);
    }
}
