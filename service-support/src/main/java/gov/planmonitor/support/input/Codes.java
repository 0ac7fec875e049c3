package gov.planmonitor.support.input;

import gov.planmonitor.support.problem.ServiceException;

import java.util.regex.Pattern;

/** Codes that name a resource in its path (a category, a zone): UPPER_SNAKE_CASE, and never changed by a write. */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Codes() {
    }

    /**
     * The path names the code (400 when it cannot be one, or is longer than its column's {@code max}); a code in the
     * body must be the same (422: codes cannot change).
     */
    public static void checkPathCode(String code, String inBody, int max) {
        if (code.length() > max || !CODE.matcher(code).matches()) {
            throw new ServiceException.BadQuery("code", "the code in the path must be UPPER_SNAKE_CASE (A-Z, 0-9, _; a letter first), at most "
                    + max + " characters");
        }
        if (inBody != null) {
            requireUnchanged("code", code, inBody);
        }
    }

    /** A key named in both the path and the body ({@code field}: code, id) must be the same: keys never change (422). */
    public static void requireUnchanged(String field, String inPath, String inBody) {
        if (!inPath.equals(inBody)) {
            throw new ServiceException.Invalid(field, "the " + field + " in the body (" + inBody + ") differs from the path (" + inPath + "); "
                    + field + "s cannot change");
        }
    }
}
