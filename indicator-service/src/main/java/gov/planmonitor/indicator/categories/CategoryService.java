package gov.planmonitor.indicator.categories;

import gov.planmonitor.indicator.indicators.IndicatorMapper;
import gov.planmonitor.support.input.Codes;
import gov.planmonitor.support.paging.Versioned;
import gov.planmonitor.support.problem.ServiceException;
import gov.planmonitor.support.security.Caller;
import gov.planmonitor.support.security.Roles;
import gov.planmonitor.support.write.IfMatch;
import gov.planmonitor.support.write.VersionedWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * The indicator categories (经济发展, 创新水平, …), kept by planners as project-service keeps its categories and zones
 * (ReferenceService there): created or replaced by code (a replace needs If-Match), deleted only while no indicator is
 * in them. Every write is in the audit trail, and so in the change feed, as category.
 */
@ApplicationScoped
@Transactional
public class CategoryService {

    /** The column's width (category.code, and indicator.category_code that refers to it). */
    private static final int CODE_MAX = 40;
    /** How many of the indicators still in a category a refused delete names. */
    private static final int NAMED = 5;

    private final CategoryRepository categories;
    private final IndicatorMapper mapper;
    private final Caller caller;
    private final VersionedWrites writes;
    private final VersionedWrites.Kind<Category, CategoryDto> kind;

    public CategoryService(CategoryRepository categories, IndicatorMapper mapper, Caller caller, VersionedWrites writes) {
        this.categories = categories;
        this.mapper = mapper;
        this.caller = caller;
        this.writes = writes;
        this.kind = new VersionedWrites.Kind<>("category", c -> c.code, mapper::toCategoryDto);
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
    public Written put(String code, @NotNull @Valid CategoryInput input, IfMatch ifMatch) {
        caller.require("changing the indicator categories", Roles.PLANNER);
        Codes.checkPathCode(code, input.code(), CODE_MAX);
        String nameZh = input.nameZh().trim();
        VersionedWrites.Put<CategoryDto> put = writes.put(kind, code, categories.findById(code), ifMatch, Category::new, category -> {
            category.code = code;
            category.nameZh = nameZh;
            category.nameEn = english(input.nameEn(), nameZh);
            category.sortOrder = input.sortOrder();
        });
        return new Written(put.value(), put.created());
    }

    /** Deletes the category unless an indicator is in it (409 naming them); If-Match, when sent, must match. */
    public void delete(String code, IfMatch ifMatch) {
        caller.require("deleting an indicator category", Roles.PLANNER);
        Category category = find(code);
        writes.delete(kind, category, ifMatch, () -> {
            List<String> indicators = categories.indicatorsIn(category, NAMED + 1);
            if (!indicators.isEmpty()) {
                String named = String.join(", ", indicators.subList(0, Math.min(NAMED, indicators.size()))) + (indicators.size() > NAMED ? ", …" : "");
                throw new ServiceException.Conflict("category " + code + " is still used by indicator(s) " + named + "; give them another category first");
            }
        });
    }

    private Category find(String code) {
        return categories.findByIdOptional(code).orElseThrow(() -> new ServiceException.NotFound("no indicator category with code " + code));
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
