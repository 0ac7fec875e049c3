package gov.planmonitor.support.paging;

import gov.planmonitor.support.problem.ServiceException;
import io.quarkus.panache.common.Sort;

import java.util.Map;

/** Validated page, size and sort of a list request. */
public record PageRequest(int page, int size, Sort sort) {

    /** Page and size checked (400 for a negative page, a size outside 1..maxSize, a page beyond any list); no sort. */
    public static PageRequest of(Integer page, Integer size, int defaultSize, int maxSize) {
        int p = page == null ? 0 : page;
        if (p < 0) {
            throw new ServiceException.BadQuery("page", "page must be 0 or more (pages are numbered from 0)");
        }
        int s = size == null ? defaultSize : size;
        if (s < 1) {
            throw new ServiceException.BadQuery("size", "size must be at least 1");
        }
        if (s > maxSize) {
            throw new ServiceException.BadQuery("size", "size must be at most " + maxSize + " (read further pages with page=)");
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new ServiceException.BadQuery("page", "page " + p + " of size " + s + " lies beyond any list (page × size must stay below 2^31)");
        }
        return new PageRequest(p, s, null);
    }

    /**
     * @param sortParam comma-separated fields, "-" for descending ("-year,code")
     * @param fields    API field name to entity property, the only fields one may sort by
     */
    public static PageRequest of(Integer page, Integer size, String sortParam, int defaultSize, int maxSize,
                                 Map<String, String> fields, String defaultSort) {
        return of(page, size, defaultSize, maxSize).sorted(sortParam, fields, defaultSort, Map.of());
    }

    /**
     * This page sorted as {@code sortParam} asks (400 naming "sort" for a field not in {@code fields}), for a list
     * that checks its filters between the page's bounds and its sort, as the project list does.
     *
     * @param fields      API field name to property, the only fields one may sort by (their order is the order the
     *                    refusal lists them in)
     * @param unavailable fields of {@code fields} this request cannot sort by, each with the reason the 400 gives (a
     *                    project's seq belongs to a list, so sorting by it needs list=)
     */
    public PageRequest sorted(String sortParam, Map<String, String> fields, String defaultSort, Map<String, String> unavailable) {
        String spec = sortParam == null || sortParam.isBlank() ? defaultSort : sortParam;
        Sort sorted = null;
        for (String part : spec.split(",")) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            if (descending) {
                name = name.substring(1);
            }
            String property = fields.get(name);
            if (property == null) {
                throw new ServiceException.BadQuery("sort", "cannot sort by '" + name + "'; allowed: " + String.join(", ", fields.keySet()));
            }
            if (unavailable.containsKey(name)) {
                throw new ServiceException.BadQuery("sort", unavailable.get(name));
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sorted = sorted == null ? Sort.by(property, direction) : sorted.and(property, direction);
        }
        return new PageRequest(page, size, sorted);
    }

    /** The first row of this page, for a query's offset (of() keeps it below 2^31). */
    public int offset() {
        return page * size;
    }
}
