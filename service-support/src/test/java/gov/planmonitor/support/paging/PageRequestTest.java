package gov.planmonitor.support.paging;

import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void sortedKeepsThePageAndAddsTheSort() {
        PageRequest bounds = PageRequest.of(2, 25, 20, 100);
        PageRequest sorted = bounds.sorted("year", FIELDS, "code", Map.of());
        assertEquals(2, sorted.page());
        assertEquals(25, sorted.size());
        assertEquals("startYear", sorted.sort().getColumns().get(0).getName());
        assertEquals(io.quarkus.panache.common.Sort.Direction.Ascending, sorted.sort().getColumns().get(0).getDirection());
        // The bounds alone carry no sort.
        assertNull(bounds.sort());
    }

    @Test
    void aFieldUnavailableToThisRequestIsRefusedWithItsReason() {
        Map<String, String> unavailable = Map.of("year", "sort by year needs plan=");
        PageRequest bounds = PageRequest.of(0, 10, 20, 100);
        ServiceException.BadQuery refused = assertThrows(ServiceException.BadQuery.class, () -> bounds.sorted("code,-year", FIELDS, "code", unavailable));
        assertEquals("sort", refused.errors().get(0).field());
        assertEquals("sort by year needs plan=", refused.getMessage());
        // Unknown beats unavailable: the caller learns what may be sorted by at all.
        assertEquals("cannot sort by 'title'; allowed: code, year",
                assertThrows(ServiceException.BadQuery.class, () -> bounds.sorted("title", FIELDS, "code", unavailable)).getMessage());
        // The other fields still sort, and the default is used for a blank parameter.
        assertEquals("code", bounds.sorted(null, FIELDS, "-code", unavailable).sort().getColumns().get(0).getName());
        assertEquals(io.quarkus.panache.common.Sort.Direction.Descending,
                bounds.sorted("", FIELDS, "-code", unavailable).sort().getColumns().get(0).getDirection());
    }

    @Test
    void spacesAroundFieldsAreIgnoredAndAnEmptyFieldIsRefused() {
        PageRequest request = PageRequest.of(0, 10, " -year , code ", 20, 100, FIELDS, "code");
        assertEquals(List.of("startYear", "code"), request.sort().getColumns().stream().map(c -> c.getName()).toList());
        assertEquals("cannot sort by ''; allowed: code, year",
                assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(0, 10, "code,,year", 20, 100, FIELDS, "code")).getMessage());
    }

    @Test
    void theOffsetIsTheFirstRowOfThePage() {
        assertEquals(0, PageRequest.of(null, null, 20, 100).offset());
        // page 3 of 25 rows: rows 0-74 are on pages 0-2
        assertEquals(75, PageRequest.of(3, 25, 20, 100).offset());
        // the largest page of 100 whose offset still fits: 21,474,836 × 100 = 2,147,483,600 ≤ 2^31 - 1
        assertEquals(2_147_483_600, PageRequest.of(21_474_836, 100, 20, 100).offset());
        assertEquals("page", assertThrows(ServiceException.BadQuery.class, () -> PageRequest.of(21_474_837, 100, 20, 100)).errors().get(0).field());
    }
}
