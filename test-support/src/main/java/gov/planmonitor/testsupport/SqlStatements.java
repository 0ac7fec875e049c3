package gov.planmonitor.testsupport;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import java.util.function.Supplier;

/**
 * Counts the SQL statements a request makes the service run (Hibernate's statistics, on in the test profile), so a
 * test can pin each hot read's count and an N+1 fails the build instead of waiting for a benchmark. The service runs
 * in the test's JVM, and nothing else may use the database while counting (no scheduled job in between).
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    /** The statements prepared while the request ran, and what the request returned. */
    public record Counted<T>(long statements, T result) {
    }

    public static <T> Counted<T> during(SessionFactory sessions, Supplier<T> request) {
        Statistics statistics = sessions.getStatistics();
        if (!statistics.isStatisticsEnabled()) {
            throw new IllegalStateException("Hibernate statistics are off: set %test.quarkus.hibernate-orm.statistics=true");
        }
        statistics.clear();
        T result = request.get();
        return new Counted<>(statistics.getPrepareStatementCount(), result);
    }

    /**
     * The statements of a GET that must answer 200, computed afresh: {@code Cache-Control: no-cache} passes by the
     * services' cache of answers, whose hits run none.
     */
    public static long ofGet(SessionFactory sessions, String path) {
        return of(sessions, () -> io.restassured.RestAssured.given().header("Cache-Control", "no-cache")
                .when().get(path).then().statusCode(200));
    }

    public static long of(SessionFactory sessions, Runnable request) {
        return during(sessions, () -> {
            request.run();
            return null;
        }).statements();
    }
}
