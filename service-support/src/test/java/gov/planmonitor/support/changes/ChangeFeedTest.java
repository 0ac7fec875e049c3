package gov.planmonitor.support.changes;

import gov.planmonitor.support.changes.ChangeFeed.Cursor;
import gov.planmonitor.support.problem.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the change feed decides without a database: its cursors, its event types, and the API path of a changed
 * resource. (The reading itself is exercised through each service's change-feed tests.)
 */
class ChangeFeedTest {

    private static final String REFUSED = "not a cursor of this feed: send the 'next' of an earlier answer, or nothing to start from the beginning";

    private static ChangeResources.Resource resource(String path, List<String> actions) {
        return new ChangeResources.Resource() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public String schema() {
                return "Observation";
            }

            @Override
            public List<String> actions() {
                return actions;
            }
        };
    }

    /** indicator-service's feed as configured: indicators (never deleted) and their observations. */
    private final ChangeFeed feed = new ChangeFeed(null, null, () -> Map.of(
            "indicator", resource("/api/v1/indicators/{code}", List.of("created", "updated")),
            "observation", resource("/api/v1/indicators/{code}/observations/{year}", List.of("created", "updated", "deleted"))),
            "indicator-service");

    @Test
    void aCursorIsBase64urlOfItsVersionTransactionAndEntry() {
        // base64url("v1:5:42") and base64url("v1:0:0"), without padding
        assertEquals("djE6NTo0Mg", new Cursor(5, 42).encode());
        assertEquals("djE6MDow", Cursor.START.encode());
        assertEquals(new Cursor(5, 42), Cursor.decode("after", "djE6NTo0Mg"));
        // the end of the feed (ChangeFeed.end) uses the largest entry id: it must travel too
        Cursor end = new Cursor(Long.MAX_VALUE, Long.MAX_VALUE);
        assertEquals(end, Cursor.decode("after", end.encode()));
    }

    @Test
    void paddingAndSurroundingSpacesAreForgiven() {
        assertEquals(new Cursor(5, 42), Cursor.decode("after", "djE6NTo0Mg=="));
        assertEquals(new Cursor(5, 42), Cursor.decode("after", "  djE6NTo0Mg \n"));
    }

    @Test
    void aCursorThisFeedNeverGaveIsA400NamingTheParameter() {
        for (String bad : List.of(
                "",                                        // nothing after all: read() starts from the beginning instead
                "not a cursor!",                           // not base64 at all
                "djE6NTo0Mg+/",                            // standard base64's + and /, not base64url
                "djI6NTo0Mg",                              // v2:5:42, a version this feed never wrote
                "djE6NQ",                                  // v1:5, the entry missing
                "djE6LTE6Mw",                              // v1:-1:3, a negative transaction
                "djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ",      // v1:99999999999999999999:1, past a long
                "djE6NTo0Mgo",                             // v1:5:42 and a line break
                "A".repeat(100_000))) {                    // a large guess
            ServiceException.BadQuery refused = assertThrows(ServiceException.BadQuery.class, () -> Cursor.decode("after", bad), bad);
            assertEquals("after", refused.errors().get(0).field());
            assertEquals(REFUSED, refused.getMessage());
        }
        // The refusal names the parameter the caller gave it in.
        assertEquals("since", assertThrows(ServiceException.BadQuery.class, () -> Cursor.decode("since", "x")).errors().get(0).field());
    }

    @Test
    void eventTypesArePrefixedByTheServiceAndListedInOrder() {
        assertEquals("gov.planmonitor.indicator.", ChangeFeed.typePrefix("indicator-service"));
        assertEquals("gov.planmonitor.report.", ChangeFeed.typePrefix("report-service"));
        // only a trailing "-service" goes
        assertEquals("gov.planmonitor.service-registry.", ChangeFeed.typePrefix("service-registry"));
        assertEquals(List.of("gov.planmonitor.indicator.indicator.created", "gov.planmonitor.indicator.indicator.updated",
                "gov.planmonitor.indicator.observation.created", "gov.planmonitor.indicator.observation.deleted",
                "gov.planmonitor.indicator.observation.updated"), List.copyOf(feed.eventTypes()));
    }

    @Test
    void requestedTypesAreTrimmedDeduplicatedAndEachKnown() {
        assertEquals(List.of(), feed.requestedTypes("types", null));
        assertEquals(List.of(), feed.requestedTypes("types", " "));
        assertEquals(List.of("gov.planmonitor.indicator.observation.updated", "gov.planmonitor.indicator.indicator.created"),
                feed.requestedTypes("types", " gov.planmonitor.indicator.observation.updated,,gov.planmonitor.indicator.indicator.created ,"
                        + "gov.planmonitor.indicator.observation.updated"));
        // indicators are never deleted, so no such event exists
        ServiceException.BadQuery refused = assertThrows(ServiceException.BadQuery.class,
                () -> feed.requestedTypes("types", "gov.planmonitor.indicator.indicator.deleted"));
        assertEquals("types", refused.errors().get(0).field());
        assertTrue(refused.getMessage().startsWith("'gov.planmonitor.indicator.indicator.deleted' is not an event type of indicator-service; its types are "
                + "gov.planmonitor.indicator.indicator.created, "), refused.getMessage());
    }

    @Test
    void theSubjectIsTheResourcesPathWithTheRecordedIdsParts() {
        assertEquals("/api/v1/indicators/FYP13-01", feed.subject("indicator", "FYP13-01"));
        assertEquals("/api/v1/indicators/FYP13-01/observations/2017", feed.subject("observation", "FYP13-01/2017"));
        // RFC 3986: all but unreserved characters percent-encoded as UTF-8 (区 is E5 8C BA)
        assertEquals("/api/v1/indicators/%E5%8C%BA%20A~1._x", feed.subject("indicator", "区 A~1._x"));
        // characters that mean something to a regex replacement or a URL stay plain text
        assertEquals("/api/v1/indicators/%24%7B1%7D%5C%3F%23%25", feed.subject("indicator", "${1}\\?#%"));
        // an id with fewer parts than the path leaves the rest as it is
        assertEquals("/api/v1/indicators/FYP13-01/observations/{year}", feed.subject("observation", "FYP13-01"));
    }
}
