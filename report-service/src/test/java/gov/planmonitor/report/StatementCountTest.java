package gov.planmonitor.report;

import gov.planmonitor.testsupport.SqlStatements;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SQL statements of a report's hot reads, pinned: the report's state is one statement; a format's first read
 * renders and stores it (the report, the rendition looked up, the store, and the read back that lets a replica that
 * stored first win), every later read is one statement. The worker is paused while counting, since its polling runs statements too.
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessions;

    @Inject
    Scheduler scheduler;

    @Test
    void aReportAndItsStoredContentAreOneStatementEach() {
        DownstreamMock.healthy();
        String id = Reports.generated(Reports.ANNUAL_2017);
        scheduler.pause();
        try {
            assertEquals(ONE_READ, count("/api/v1/reports/" + id));
            for (String format : new String[]{"json", "md", "html"}) {
                String path = "/api/v1/reports/" + id + "/content?format=" + format;
                long first = count(path);
                long again = count(path);
                System.out.printf("[statements] %s: %d on the first read, %d after%n", path, first, again);
                assertEquals(FIRST_RENDITION, first, path + ", first read");
                assertEquals(ONE_READ, again, path + ", stored");
            }
        } finally {
            scheduler.resume();
        }
    }

    private long count(String path) {
        return SqlStatements.ofGet(sessions, path);
    }

    static final long ONE_READ = 1;
    static final long FIRST_RENDITION = 4;
}
