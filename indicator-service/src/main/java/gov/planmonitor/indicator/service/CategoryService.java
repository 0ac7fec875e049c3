package gov.planmonitor.indicator.service;

import gov.planmonitor.indicator.mapping.CategoryDto;
import gov.planmonitor.indicator.mapping.CategoryInput;
import gov.planmonitor.indicator.mapping.IndicatorMapper;
import gov.planmonitor.indicator.repository.Category;
import gov.planmonitor.indicator.repository.CategoryRepository;
import gov.planmonitor.support.audit.AuditTrail;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.paging.Versions;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The indicator categories (经济发展, 创新水平, …), kept by planners as project-service keeps its categories and zones
 * (ReferenceService there): created or replaced by code (a replace needs If-Match), deleted only while no indicator is
 * in them. Every write is in the audit trail, and so in the change feed, as category.
 */
@ApplicationScoped
@Transactional
public class CategoryService {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** The column's width (category.code, and indicator.category_code that refers to it). */
    private static final int CODE_MAX = 40;
    /** How many of the indicators still in a category a refused delete names. */
    private static final int NAMED = 5;

    private final CategoryRepository categories;
    private final IndicatorMapper mapper;
    private final Caller caller;
    private final AuditTrail audit;

    public CategoryService(CategoryRepository categories, IndicatorMapper mapper, Caller caller, AuditTrail audit) {
        this.categories = categories;
        this.mapper = mapper;
        this.caller = caller;
        this.audit = audit;
    }

    /** A category as written, its version (the ETag), and whether it was created (201) or replaced (200). */
    public record Written(Versioned<CategoryDto> value, boolean created) {
    }

    public List<CategoryDto> categories() {
        return categories.listOrdered().stream().map(mapper::toCategoryDto).toList();
    }

    public Versioned<CategoryDto> category(String code) {
        Category category = find(code);
        return new Versioned<>(mapper.toCategoryDto(category), category.version);
    }

    /** Creates the category, or replaces it (If-Match required); a replace that changes nothing writes nothing. */
    public Written put(String code, @NotNull @Valid CategoryInput input, String ifMatch, String user) {
        caller.require("changing the indicator categories", Roles.PLANNER);
        checkCode(code, input.code());
        Category category = categories.findById(code);
        Versions.checkCreateOrReplace(ifMatch, category == null ? null : category.version, "category " + code);
        String nameZh = input.nameZh().trim();
        String nameEn = english(input.nameEn(), nameZh);
        int sortOrder = input.sortOrder();
        if (category != null && category.nameZh.equals(nameZh) && Objects.equals(category.nameEn, nameEn) && category.sortOrder == sortOrder) {
            return new Written(new Versioned<>(mapper.toCategoryDto(category), category.version), false);
        }
        CategoryDto before = category == null ? null : mapper.toCategoryDto(category);
        if (category == null) {
            category = new Category();
            category.code = code;
        }
        category.nameZh = nameZh;
        category.nameEn = nameEn;
        category.sortOrder = sortOrder;
        category.touch(user, OffsetDateTime.now(ZoneOffset.UTC));
        if (before == null) {
            categories.persist(category);
        }
        categories.flush();
        CategoryDto after = mapper.toCategoryDto(category);
        audit.record("category", code, before, after);
        return new Written(new Versioned<>(after, category.version), before == null);
    }

    /** Deletes the category unless an indicator is in it (409 naming them); If-Match, when sent, must match. */
    public void delete(String code, String ifMatch) {
        caller.require("deleting an indicator category", Roles.PLANNER);
        Category category = find(code);
        if (ifMatch != null && !ifMatch.isBlank()) {
            Versions.check(ifMatch, category.version);
        }
        List<String> indicators = categories.indicatorsIn(category, NAMED + 1);
        if (!indicators.isEmpty()) {
            String named = String.join(", ", indicators.subList(0, Math.min(NAMED, indicators.size()))) + (indicators.size() > NAMED ? ", …" : "");
            throw new ServiceException.Conflict("category " + code + " is still used by indicator(s) " + named + "; give them another category first");
        }
        CategoryDto before = mapper.toCategoryDto(category);
        categories.delete(category);
        // An indicator given this category meanwhile fails here (foreign key: 409), not at commit after the audit entry.
        categories.flush();
        audit.record("category", code, before, null);
    }

    private Category find(String code) {
        return categories.findByIdOptional(code).orElseThrow(() -> new ServiceException.NotFound("no indicator category with code " + code));
    }

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


    /**
     * The English name to keep, or null where there is none: absent, blank, or the Chinese name itself (what a category
     * without one shows, sent back as read), so the column never holds a copy of nameZh and a rename shows through.
     */
    private static String english(String nameEn, String nameZh) {
        if (nameEn == null || nameEn.isBlank() || nameEn.trim().equals(nameZh)) {
            return null;
        }
        return nameEn.trim();
    }
}
