package gov.planmonitor.project.service;

import gov.planmonitor.project.mapping.CategoryDto;
import gov.planmonitor.project.mapping.CategoryInput;
import gov.planmonitor.project.mapping.CodeNameDto;
import gov.planmonitor.project.mapping.ProjectMapper;
import gov.planmonitor.project.mapping.ZoneDto;
import gov.planmonitor.project.mapping.ZoneInput;
import gov.planmonitor.project.repository.Category;
import gov.planmonitor.project.repository.CategoryRepository;
import gov.planmonitor.project.repository.Zone;
import gov.planmonitor.project.repository.ZoneRepository;
import gov.planmonitor.project.service.ProgressService.Written;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.tabular.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The code lists projects refer to, zones (一核三带四区) and categories, kept by planners: created or replaced by code
 * (a replace needs If-Match), deleted only while no project uses them. Every write is in the audit trail, and so in the
 * change feed, as zone or category.
 */
@ApplicationScoped
@Transactional
public class ReferenceService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int CODE_MAX = 60;
    /** How many of the projects still using a zone or category a refused delete names. */
    private static final int NAMED = 5;

    private final ZoneRepository zones;
    private final CategoryRepository categories;
    private final ProjectMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;

    public ReferenceService(ZoneRepository zones, CategoryRepository categories, ProjectMapper mapper, Caller caller, AuditTrail audit) {
        this.zones = zones;
        this.categories = categories;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
    }

    // ---- zones ------------------------------------------------------------------------------------------------------

    public List<ZoneDto> zones() {
        return zones.list("order by seq, code").stream().map(mapper::toZoneDto).toList();
    }

    public Versioned<ZoneDto> zone(String code) {
        Zone zone = findZone(code);
        return new Versioned<>(mapper.toZoneDto(zone), zone.version);
    }

    /** Creates the zone, or replaces it (If-Match required); a replace that changes nothing writes nothing. */
    public Written<ZoneDto> putZone(String code, @NotNull @Valid ZoneInput input, String ifMatch, String user) {
        caller.require("changing the zones", Roles.PLANNER);
        checkCode(code, input.code());
        Zone zone = zones.findById(code);
        Versions.checkCreateOrReplace(ifMatch, zone == null ? null : zone.version, "zone " + code);
        ZoneDto before = zone == null ? null : mapper.toZoneDto(zone);
        ZoneDto wanted = new ZoneDto(code, input.nameZh().trim(), english(input.nameEn(), input.nameZh()), input.kind(), input.seq());
        if (wanted.equals(before)) {
            return new Written<>(new Versioned<>(before, zone.version), false);
        }
        if (zone == null) {
            zone = new Zone();
            zone.code = code;
        }
        zone.nameZh = wanted.nameZh();
        zone.nameEn = wanted.nameEn();
        zone.kind = wanted.kind();
        zone.seq = wanted.seq();
        zone.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        if (before == null) {
            zones.persist(zone);
        }
        zones.flush();
        ZoneDto after = mapper.toZoneDto(zone);
        audit.record("zone", code, before, after);
        return new Written<>(new Versioned<>(after, zone.version), before == null);
    }

    /** Deletes the zone unless a project is in it (409 naming them); If-Match, when sent, must match. */
    public void deleteZone(String code, String ifMatch) {
        caller.require("deleting a zone", Roles.PLANNER);
        Zone zone = findZone(code);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Versions.check(ifMatch, zone.version);
        }
        refuseIfUsed("zone " + code, zones.projectsIn(zone, NAMED + 1), "give them another zone (or none) first");
        ZoneDto before = mapper.toZoneDto(zone);
        zones.delete(zone);
        // A project given this zone meanwhile fails here (foreign key: 409), not at commit after the audit entry.
        zones.flush();
        audit.record("zone", code, before, null);
    }

    private Zone findZone(String code) {
        return zones.findByIdOptional(code).orElseThrow(() -> new ServiceException.NotFound("no zone with code " + code));
    }

    // ---- categories -------------------------------------------------------------------------------------------------

    public List<CategoryDto> categories() {
        return categories.list("order by seq, code").stream().map(mapper::toCategoryDto).toList();
    }

    public Versioned<CategoryDto> category(String code) {
        Category category = findCategory(code);
        return new Versioned<>(mapper.toCategoryDto(category), category.version);
    }

    /** Creates the category, or replaces it (If-Match required); a replace that changes nothing writes nothing. */
    public Written<CategoryDto> putCategory(String code, @NotNull @Valid CategoryInput input, String ifMatch, String user) {
        caller.require("changing the project categories", Roles.PLANNER);
        checkCode(code, input.code());
        Category category = categories.findByCode(code).orElse(null);
        Versions.checkCreateOrReplace(ifMatch, category == null ? null : category.version, "category " + code);
        CategoryDto before = category == null ? null : mapper.toCategoryDto(category);
        CategoryDto wanted = new CategoryDto(code, input.nameZh().trim(), english(input.nameEn(), input.nameZh()), input.seq());
        if (wanted.equals(before)) {
            return new Written<>(new Versioned<>(before, category.version), false);
        }
        if (category == null) {
            category = new Category();
            category.code = code;
        }
        category.nameZh = wanted.nameZh();
        category.nameEn = wanted.nameEn();
        category.seq = wanted.seq();
        category.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        if (before == null) {
            categories.persist(category);
        }
        categories.flush();
        CategoryDto after = mapper.toCategoryDto(category);
        audit.record("category", code, before, after);
        return new Written<>(new Versioned<>(after, category.version), before == null);
    }

    /** Deletes the category unless a project is in it (409 naming them); If-Match, when sent, must match. */
    public void deleteCategory(String code, String ifMatch) {
        caller.require("deleting a project category", Roles.PLANNER);
        Category category = findCategory(code);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Versions.check(ifMatch, category.version);
        }
        refuseIfUsed("category " + code, categories.projectsIn(category, NAMED + 1), "give them another category first");
        CategoryDto before = mapper.toCategoryDto(category);
        categories.delete(category);
        categories.flush();
        audit.record("category", code, before, null);
    }

    /** Import of the category code list (the English name is required there, as the export always has one). */
    public Outcome upsertCategory(CodeNameDto input, int seq, String user) {
        caller.require("importing project categories", Roles.PLANNER);
        Category category = categories.findByCode(input.code()).orElse(null);
        if (category != null && category.nameZh.equals(input.nameZh()) && category.nameEn.equals(input.nameEn()) && category.seq == seq) {
            return Outcome.UNCHANGED;
        }
        Outcome outcome = category == null ? Outcome.CREATED : Outcome.UPDATED;
        CategoryDto before = category == null ? null : mapper.toCategoryDto(category);
        if (category == null) {
            category = new Category();
        }
        category.code = input.code();
        category.nameZh = input.nameZh();
        category.nameEn = input.nameEn();
        category.seq = seq;
        category.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        if (outcome == Outcome.CREATED) {
            categories.persist(category);
        }
        audit.record("category", category.code, before, mapper.toCategoryDto(category));
        return outcome;
    }

    private Category findCategory(String code) {
        return categories.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no project category with code " + code));
    }

    // ---- shared -----------------------------------------------------------------------------------------------------

    /** The path names the code (400 when it cannot be one); a code in the body must be the same (codes cannot change). */
    private static void checkCode(String code, String inBody) {
        if (code.length() > CODE_MAX || !CODE.matcher(code).matches()) {
            throw new ServiceException.BadQuery("code", "the code in the path must be UPPER_SNAKE_CASE (A-Z, 0-9, _; a letter first), at most "
                    + CODE_MAX + " characters");
        }
        if (inBody != null && !inBody.equals(code)) {
            throw new ServiceException.Invalid("code", "the code in the body (" + inBody + ") differs from the path (" + code + "); codes cannot change");
        }
    }


    /** The English name, or the Chinese one in its place: the column, and every reader of it, expects a name. */
    private static String english(String nameEn, String nameZh) {
        return nameEn == null || nameEn.isBlank() ? nameZh.trim() : nameEn.trim();
    }

    private static void refuseIfUsed(String what, List<String> projects, String remedy) {
        if (projects.isEmpty()) {
            return;
        }
        String named = String.join(", ", projects.subList(0, Math.min(NAMED, projects.size()))) + (projects.size() > NAMED ? ", …" : "");
        throw new ServiceException.Conflict(what + " is still used by project(s) " + named + "; " + remedy);
    }
}
