package gov.planmonitor.support.input;

import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A code in the path: its form (400) and that the body names the same one (422). */
class CodesTest {

    @Test
    void aPathCodeIsUpperSnakeCaseWithinItsColumn() {
        assertDoesNotThrow(() -> Codes.checkPathCode("PERSON_10K", null, 40));
        assertDoesNotThrow(() -> Codes.checkPathCode("A".repeat(40), "A".repeat(40), 40));
        assertThrows(ServiceException.BadQuery.class, () -> Codes.checkPathCode("A".repeat(41), null, 40));
        assertThrows(ServiceException.BadQuery.class, () -> Codes.checkPathCode("person", null, 40));
        assertThrows(ServiceException.BadQuery.class, () -> Codes.checkPathCode("1A", null, 40));
    }

    @Test
    void theBodyMayNotNameAnotherCode() {
        ServiceException e = assertThrows(ServiceException.Invalid.class, () -> Codes.checkPathCode("GDP", "GNP", 40));
        assertEquals("the code in the body (GNP) differs from the path (GDP); codes cannot change", e.getMessage());
        e = assertThrows(ServiceException.Invalid.class, () -> Codes.requireUnchanged("id", "FYP-1", "FYP-2"));
        assertEquals("the id in the body (FYP-2) differs from the path (FYP-1); ids cannot change", e.getMessage());
    }
}
