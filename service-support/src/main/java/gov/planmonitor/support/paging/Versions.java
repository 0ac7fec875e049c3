package gov.planmonitor.support.paging;

/** ETag handling: the ETag is the quoted row version; updates send it back in If-Match (checked by write.IfMatch). */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
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
