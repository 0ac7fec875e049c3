package gov.planmonitor.project.reference;

import gov.planmonitor.project.projects.CodeNameDto;
import gov.planmonitor.project.projects.ProjectMapper;
import gov.planmonitor.project.progress.ProgressService.Written;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.input.Codes;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
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

/**
 * The code lists projects refer to, zones (一核三带四区) and categories, kept by planners: created or replaced by code
 * (a replace needs If-Match), deleted only while no project uses them. Every write is in the audit trail, and so in the
 * change feed, as zone or category.
 */
@ApplicationScoped
@Transactional
public class ReferenceService {

    private static final int CODE_MAX = 60;
    /** How many of the projects still using a zone or category a refused delete names. */
    private static final int NAMED = 5;

    private final ZoneRepository zones;
    private final CategoryRepository categories;
    private final ProjectMapper mapper;
    private final Caller caller;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Zone, ZoneDto> zoneKind;
    private final VersionedWrites.Kind<Category, CategoryDto> categoryKind;

    public ReferenceService(ZoneRepository zones, CategoryRepository categories, ProjectMapper mapper, Caller caller, VersionedWrites writes) {
        this.zones = zones;
        this.categories = categories;
        this.mapper = mapper;
        this.caller = caller;
        this.writes = writes;
        this.zoneKind = new VersionedWrites.Kind<>("zone", z -> z.code, mapper::toZoneDto);
        this.categoryKind = new VersionedWrites.Kind<>("category", c -> c.code, mapper::toCategoryDto);
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
    public Written<ZoneDto> putZone(String code, @NotNull @Valid ZoneInput input, IfMatch ifMatch) {
        caller.require("changing the zones", Roles.PLANNER);
        Codes.checkPathCode(code, input.code(), CODE_MAX);
        VersionedWrites.Put<ZoneDto> put = writes.put(zoneKind, code, zones.findById(code), ifMatch, Zone::new, zone -> {
            zone.code = code;
            zone.nameZh = input.nameZh().trim();
            zone.nameEn = english(input.nameEn(), input.nameZh());
            zone.kind = input.kind();
            zone.seq = input.seq();
        });
        return new Written<>(put.value(), put.created());
    }

    /** Deletes the zone unless a project is in it (409 naming them); If-Match, when sent, must match. */
    public void deleteZone(String code, IfMatch ifMatch) {
        caller.require("deleting a zone", Roles.PLANNER);
        Zone zone = findZone(code);
        writes.delete(zoneKind, zone, ifMatch,
                () -> refuseIfUsed("zone " + code, zones.projectsIn(zone, NAMED + 1), "give them another zone (or none) first"));
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
    public Written<CategoryDto> putCategory(String code, @NotNull @Valid CategoryInput input, IfMatch ifMatch) {
        caller.require("changing the project categories", Roles.PLANNER);
        Codes.checkPathCode(code, input.code(), CODE_MAX);
        VersionedWrites.Put<CategoryDto> put = writes.put(categoryKind, code, categories.findByCode(code).orElse(null), ifMatch, Category::new, category -> {
            category.code = code;
            category.nameZh = input.nameZh().trim();
            category.nameEn = english(input.nameEn(), input.nameZh());
            category.seq = input.seq();
        });
        return new Written<>(put.value(), put.created());
    }

    /** Deletes the category unless a project is in it (409 naming them); If-Match, when sent, must match. */
    public void deleteCategory(String code, IfMatch ifMatch) {
        caller.require("deleting a project category", Roles.PLANNER);
        Category category = findCategory(code);
        writes.delete(categoryKind, category, ifMatch,
                () -> refuseIfUsed("category " + code, categories.projectsIn(category, NAMED + 1), "give them another category first"));
    }

    /** Import of the category code list (the English name is required there, as the export always has one). */
    public Outcome upsertCategory(CodeNameDto input, int seq) {
        String user = writes.author();
        caller.require("importing project categories", Roles.PLANNER);
        Category category = categories.findByCode(input.code()).orElse(null);
        if (category != null && category.nameZh.equals(input.nameZh()) && category.nameEn.equals(input.nameEn()) && category.seq == seq) {
            return Outcome.UNCHANGED;
        }
        writes.save(categoryKind, category, Category::new, c -> {
            c.code = input.code();
            c.nameZh = input.nameZh();
            c.nameEn = input.nameEn();
            c.seq = seq;
            c.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        });
        return category == null ? Outcome.CREATED : Outcome.UPDATED;
    }

    private Category findCategory(String code) {
        return categories.findByCode(code).orElseThrow(() -> new ServiceException.NotFound("no project category with code " + code));
    }

    // ---- shared -----------------------------------------------------------------------------------------------------

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
