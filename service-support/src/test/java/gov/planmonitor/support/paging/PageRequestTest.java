package gov.planmonitor.support.paging;

import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A list request's page, size and sort: defaults, bounds, and only the fields a list allows. */
class PageRequestTest {

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("code", "code");
        FIELDS.put("year", "startYear");
    }

    @Test
    void defaultsApply() {
        PageRequest request = PageRequest.of(null, null, 20, 100);
        assertEquals(0, request.page());
        assertEquals(20, request.size());
    }

    @Test
    void boundsAreProblemsNamingTheParameter() {
        assertEquals("page", assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(-1, 20, 20, 100)).errors().get(0).field());
        assertEquals("size", assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(0, 0, 20, 100)).errors().get(0).field());
        assertEquals("size", assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(0, 101, 20, 100)).errors().get(0).field());
        // page × size past 2^31 would overflow an offset: refused, not wrapped.
        assertEquals("page", assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(Integer.MAX_VALUE / 10, 100, 20, 100)).errors().get(0).field());
        assertEquals(100, PageRequest.of(3, 100, 20, 100).size());
    }

    @Test
    void sortTakesOnlyTheListsFieldsInOrderWithDescending() {
        PageRequest request = PageRequest.of(0, 10, "-year,code", 20, 100, FIELDS, "code");
        assertEquals(2, request.sort().getColumns().size());
        assertEquals("startYear", request.sort().getColumns().get(0).getName());
        assertEquals(io.quarkus.panache.common.Sort.Direction.Descending, request.sort().getColumns().get(0).getDirection());
        assertEquals("code", request.sort().getColumns().get(1).getName());
        assertEquals("code", PageRequest.of(0, 10, " ", 20, 100, FIELDS, "code").sort().getColumns().get(0).getName());
        ServiceException.BadQuery refused = assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(0, 10, "titleZh", 20, 100, FIELDS, "code"));
        assertEquals("sort", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("code, year"), refused.getMessage());
    }
}
