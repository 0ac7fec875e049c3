package gov.planmonitor.support.paging;

import gov.planmonitor.support.problem.ServiceException;

/** ETag handling: the ETag is the quoted row version; updates must send it back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ServiceException.PreconditionRequired();
        }
        String current = etag(currentVersion);
        if (!matches(ifMatch, current)) {
            throw new ServiceException.PreconditionFailed(current);
        }
    }

    /** Whether an If-Match or If-None-Match header names this ETag: a list, *, and W/ compared weakly. */
    public static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
