package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.mapping.IndicatorMapper;
import gov.planmonitor.indicator.mapping.UnitDto;
import gov.planmonitor.indicator.mapping.UnitInput;
import gov.planmonitor.indicator.repository.UnitOfMeasure;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.persistence.ReadOnly;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.paging.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The units of measure as the bureau keeps them: planners and admins add, replace and remove them, audited. */
@ApplicationScoped
@Transactional
public class UnitService {

    private final EntityManager entities;
    private final UnitCatalog catalog;
    private final Caller caller;
    private final AuditTrail audit;

    public UnitService(EntityManager entities, UnitCatalog catalog, Caller caller, AuditTrail audit) {
        this.entities = entities;
        this.catalog = catalog;
        this.caller = caller;
        this.audit = audit;
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

    public Written put(String code, @NotNull @Valid UnitInput input, String ifMatch, String user) {
        caller.require("keeping the units of measure", Roles.PLANNER);
        if (!code.matches("[A-Z][A-Z0-9_]{0,39}")) {
            throw new ServiceException.BadQuery("code", "a unit's code is UPPER_SNAKE_CASE, at most 40 characters (PERSON_10K)");
        }
        UnitOfMeasure unit = entities.find(UnitOfMeasure.class, code);
        String printed = input.printed().trim();
        UnitOfMeasure sameForm = entities.createQuery("select u from UnitOfMeasure u where u.printed = :printed", UnitOfMeasure.class)
                .setParameter("printed", printed).getResultStream().findFirst().orElse(null);
        Versions.checkCreateOrReplace(ifMatch, unit == null ? null : unit.version, "unit " + code);
        if (unit == null) {
            if (sameForm != null) {
                throw new ServiceException.Conflict("unit " + sameForm.code + " is already printed " + printed);
            }
            unit = new UnitOfMeasure();
            unit.code = code;
            unit.printed = printed;
            apply(unit, input, user);
            entities.persist(unit);
            entities.flush();
            audit.record("unit", code, null, toDto(unit));
            return new Written(new Versioned<>(toDto(unit), unit.version), true);
        }
        if (!unit.printed.equals(printed)) {
            throw new ServiceException.Invalid("printed", "unit " + code + " is printed " + unit.printed + "; a printed form does not change"
                    + " (indicators name their unit by it): add a unit of its own");
        }
        UnitDto before = toDto(unit);
        apply(unit, input, user);
        if (!before.equals(toDto(unit))) {
            unit.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
            entities.flush();
            audit.record("unit", code, before, toDto(unit));
        }
        return new Written(new Versioned<>(toDto(unit), unit.version), false);
    }

    /** Removes a unit no indicator uses (409 naming up to five that do). */
    public void delete(String code, String ifMatch) {
        caller.require("keeping the units of measure", Roles.PLANNER);
        UnitOfMeasure unit = get(code);
        if (ifMatch != null) {
            Versions.check(ifMatch, unit.version);
        }
        @SuppressWarnings("unchecked")
        List<String> users = entities.createNativeQuery("select code from indicator where unit = ?1 order by code limit 5")
                .setParameter(1, unit.printed).getResultList();
        if (!users.isEmpty()) {
            throw new ServiceException.Conflict("unit " + code + " (" + unit.printed + ") is the unit of " + String.join(", ", users)
                    + (users.size() == 5 ? " and perhaps more" : "") + ": change their unit first");
        }
        UnitDto before = toDto(unit);
        entities.remove(unit);
        entities.flush();
        audit.record("unit", code, before, null);
    }

    private UnitOfMeasure get(String code) {
        UnitOfMeasure unit = entities.find(UnitOfMeasure.class, code);
        if (unit == null) {
            throw new ServiceException.NotFound("no unit with code " + code);
        }
        return unit;
    }

    private static void apply(UnitOfMeasure unit, UnitInput input, String user) {
        unit.normalized = input.normalized().trim();
        unit.scale = input.scale();
        unit.nameZh = input.nameZh().trim();
        unit.nameEn = input.nameEn() == null || input.nameEn().isBlank() ? null : input.nameEn().trim();
        unit.nonNegative = input.nonNegative();
        unit.rate = input.rate();
        unit.sortOrder = input.sortOrder();
        unit.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static UnitDto toDto(UnitOfMeasure u) {
        return new UnitDto(u.printed, u.normalized, IndicatorMapper.strip(u.scale), u.nameEn, u.code, u.nameZh, u.nonNegative, u.rate, u.sortOrder);
    }
}
