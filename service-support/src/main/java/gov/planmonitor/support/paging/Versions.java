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
        if (!matchesStrongly(ifMatch, current)) {
            throw new ServiceException.PreconditionFailed(current);
        }
    }

    /**
     * The precondition of a PUT that creates or replaces by key: If-Match is required to replace what exists
     * ({@code currentVersion}), and sent for something that does not exist (deleted since it was read) it fails
     * (412) rather than bring it back; without it a PUT creates.
     */
    public static void checkCreateOrReplace(String ifMatch, Long currentVersion, String what) {
        if (currentVersion != null) {
            check(ifMatch, currentVersion);
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw ServiceException.PreconditionFailed.lostRace(what + " (deleted since it was read)");
        }
    }

    /**
     * If-Match (RFC 9110, 13.1.1): a list of ETags or *, compared strongly: a weak W/ tag never matches, since a write
     * must rest on exactly the representation it was read from.
     */
    public static boolean matchesStrongly(String header, String etag) {
        return matches(header, etag, false);
    }

    /** If-None-Match (RFC 9110, 13.1.2): a list of ETags or *, compared weakly (W/ is ignored). */
    public static boolean matches(String header, String etag) {
        return matches(header, etag, true);
    }

    private static boolean matches(String header, String etag, boolean weak) {
        if (header == null) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
