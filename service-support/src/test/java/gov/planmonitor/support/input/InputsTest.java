package gov.planmonitor.support.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputsTest {

    @Test
    void blankTextIsNoValueAndTextIsTrimmed() {
        assertNull(Inputs.blankToNull(null));
        assertNull(Inputs.blankToNull(" \t"));
        assertEquals("区发改局", Inputs.blankToNull(" 区发改局 "));
    }

    @Test
    void numbersAreTheSameWhateverTheirScale() {
        assertTrue(Inputs.sameNumber(new BigDecimal("5.70"), new BigDecimal("5.7")));
        assertTrue(Inputs.sameNumber(null, null));
        assertFalse(Inputs.sameNumber(null, BigDecimal.ONE));
        assertFalse(Inputs.sameNumber(BigDecimal.ONE, null));
        assertFalse(Inputs.sameNumber(new BigDecimal("5.7"), new BigDecimal("5.71")));
    }
}
