package gov.planmonitor.support.paging;

import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ETags and the two preconditions (RFC 9110, 13.1): If-Match compares strongly, If-None-Match weakly. */
class VersionsTest {

    @Test
    void theEtagIsTheQuotedVersion() {
        assertEquals("\"7\"", Versions.etag(7));
    }

    @Test
    void ifMatchComparesStrongly() {
        assertDoesNotThrow(() -> Versions.check("\"7\"", 7));
        assertDoesNotThrow(() -> Versions.check("\"6\", \"7\"", 7));
        assertDoesNotThrow(() -> Versions.check("*", 7));
        // A weak tag names a representation that is only equivalent: a write may not rest on it.
        assertThrows(ServiceException.PreconditionFailed.class, () -> Versions.check("W/\"7\"", 7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> Versions.check("\"6\"", 7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> Versions.check("7", 7));
    }

    @Test
    void aPutCreatesWithoutIfMatchAndReplacesOnlyWithIt() {
        assertDoesNotThrow(() -> Versions.checkCreateOrReplace(null, null, "unit ROOM"));
        assertDoesNotThrow(() -> Versions.checkCreateOrReplace("\"3\"", 3L, "unit ROOM"));
        assertThrows(ServiceException.PreconditionRequired.class, () -> Versions.checkCreateOrReplace(null, 3L, "unit ROOM"));
        // An If-Match for what is gone: deleted since it was read, not brought back.
        assertThrows(ServiceException.PreconditionFailed.class, () -> Versions.checkCreateOrReplace("\"3\"", null, "unit ROOM"));
    }

    @Test
    void ifMatchIsRequired() {
        assertThrows(ServiceException.PreconditionRequired.class, () -> Versions.check(null, 7));
        assertThrows(ServiceException.PreconditionRequired.class, () -> Versions.check("  ", 7));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(Versions.matches("W/\"7\"", "\"7\""));
        assertTrue(Versions.matches("\"5\", W/\"7\"", "\"7\""));
        assertTrue(Versions.matches("*", "\"7\""));
        assertFalse(Versions.matches("W/\"6\"", "\"7\""));
        assertFalse(Versions.matches(null, "\"7\""));
        assertFalse(Versions.matchesStrongly("W/\"7\"", "\"7\""));
        assertTrue(Versions.matchesStrongly("W/\"7\", \"7\"", "\"7\""));
    }
}
