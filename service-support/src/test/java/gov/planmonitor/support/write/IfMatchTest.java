package gov.planmonitor.support.write;

import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The If-Match precondition (RFC 9110, 13.1.1) as writes check it: strong comparison, required, optional, create-or-replace. */
class IfMatchTest {

    @Test
    void comparesStrongly() {
        assertDoesNotThrow(() -> IfMatch.of("\"7\"").require(7));
        assertDoesNotThrow(() -> IfMatch.of("\"6\", \"7\"").require(7));
        assertDoesNotThrow(() -> IfMatch.of("*").require(7));
        // A weak tag names a representation that is only equivalent: a write may not rest on it.
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("W/\"7\"").require(7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("\"6\"").require(7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("7").require(7));
    }

    @Test
    void aRequiredOneMustBeSent() {
        assertThrows(ServiceException.PreconditionRequired.class, () -> IfMatch.of(null).require(7));
        assertThrows(ServiceException.PreconditionRequired.class, () -> IfMatch.of("  ").require(7));
        assertThrows(ServiceException.PreconditionRequired.class, () -> IfMatch.NONE.require(7));
    }

    @Test
    void anOptionalOneIsCheckedOnlyWhenSent() {
        assertDoesNotThrow(() -> IfMatch.NONE.checkIfSent(7));
        assertDoesNotThrow(() -> IfMatch.of("").checkIfSent(7));
        assertDoesNotThrow(() -> IfMatch.of("\"7\"").checkIfSent(7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("\"6\"").checkIfSent(7));
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("W/\"7\"").checkIfSent(7));
    }

    @Test
    void aPutCreatesWithoutItAndReplacesOnlyWithIt() {
        assertDoesNotThrow(() -> IfMatch.NONE.checkCreateOrReplace(null, "unit ROOM"));
        assertDoesNotThrow(() -> IfMatch.of("\"3\"").checkCreateOrReplace(3L, "unit ROOM"));
        assertThrows(ServiceException.PreconditionRequired.class, () -> IfMatch.NONE.checkCreateOrReplace(3L, "unit ROOM"));
        // An If-Match for what is gone: deleted since it was read, not brought back.
        assertThrows(ServiceException.PreconditionFailed.class, () -> IfMatch.of("\"3\"").checkCreateOrReplace(null, "unit ROOM"));
    }

    @Test
    void sentMeansNotBlank() {
        assertFalse(IfMatch.NONE.sent());
        assertFalse(IfMatch.of(" ").sent());
        assertTrue(IfMatch.of("*").sent());
        assertEquals(IfMatch.of("\"1\""), new IfMatch("\"1\""));
    }
}
