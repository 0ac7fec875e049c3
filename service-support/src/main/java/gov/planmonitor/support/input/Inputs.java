package gov.planmonitor.support.input;

import java.math.BigDecimal;

/** How an input's optional fields are read the same way in every service. */
public final class Inputs {

    private Inputs() {
    }

    /** An optional text: trimmed, and absent when blank (an empty cell or "" is no value, not an empty one). */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Two optional numbers are the same value whatever their scale (5.70 and 5.7), both absent included. */
    public static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
