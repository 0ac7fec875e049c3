package gov.planmonitor.support.tabular;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV injection (OWASP): formula-like text is guarded on export and the guard taken off on import, exactly. */
class SpreadsheetTextTest {

    @Test
    void formulaLikeTextIsGuardedAndNumbersAreNot() {
        assertTrue(SpreadsheetText.formulaLike("=SUM(A1:A9)"));
        assertTrue(SpreadsheetText.formulaLike("@cmd"));
        assertTrue(SpreadsheetText.formulaLike("-2+3"));
        assertTrue(SpreadsheetText.formulaLike("'=1+1"));
        assertFalse(SpreadsheetText.formulaLike("-0.5"));
        assertFalse(SpreadsheetText.formulaLike("+12"));
        assertFalse(SpreadsheetText.formulaLike("1e5"));
        assertFalse(SpreadsheetText.formulaLike("地区生产总值"));
        assertFalse(SpreadsheetText.formulaLike(null));
        assertEquals("'=SUM(A1:A9)", SpreadsheetText.guard("=SUM(A1:A9)"));
        assertEquals("-0.5", SpreadsheetText.guard("-0.5"));
    }

    @Test
    void theGuardRoundTrips() {
        for (String text : new String[]{"=SUM(A1:A9)", "'=1+1", "''@x", "plain", "'quoted", "-0.5", ""}) {
            assertEquals(text, SpreadsheetText.unguard(SpreadsheetText.guard(text)), text);
        }
        assertEquals("'quoted", SpreadsheetText.unguard("'quoted"));
        assertNull(SpreadsheetText.unguard(null));
    }
}
