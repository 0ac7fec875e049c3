package gov.planmonitor.support.paging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ETags and how the two preconditions compare them (RFC 9110, 13.1): If-Match strongly, If-None-Match weakly. */
class VersionsTest {

    @Test
    void theEtagIsTheQuotedVersion() {
        assertEquals("\"7\"", Versions.etag(7));
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertTrue(Versions.matches("W/\"7\"", "\"7\""));
        assertTrue(Versions.matches("\"5\", W/\"7\"", "\"7\""));
        assertTrue(Versions.matches("*", "\"7\""));
        assertFalse(Versions.matches("W/\"6\"", "\"7\""));
        assertFalse(Versions.matches(null, "\"7\""));
        assertFalse(Versions.matchesStrongly("W/\"7\"", "\"7\""));
        assertTrue(Versions.matchesStrongly("W/\"7\", \"7\"", "\"7\""));
    }
}
