package gov.planmonitor.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A path of the contract, {name} matching any one segment; the most literal match wins. */
final class PathTemplate {

    final String template;
    final String[] parts;
    final int literals;

    PathTemplate(String template) {
        this.template = template;
        this.parts = segments(template);
        int count = 0;
        for (String part : parts) {
            if (!isVariable(part)) {
                count++;
            }
        }
        this.literals = count;
    }

    boolean matches(String[] segments) {
        if (segments.length != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (isVariable(parts[i]) ? segments[i].isEmpty() : !parts[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVariable(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }

    /** A request path's segments, percent-decoded (a + stays a plus). */
    static String[] segments(String rawPath) {
        String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        return parts;
    }
}
