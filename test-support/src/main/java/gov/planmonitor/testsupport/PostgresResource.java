package gov.planmonitor.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Quarkus test resource giving the service under test a fresh PostgreSQL database.
 * Init argument {@code database} names it (defaults to {@code test}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return PostgresDatabase.freshDatabase(database);
    }

    @Override
    public void stop() {
        // The database stays until the next run recreates it, which helps when a failure needs a look.
    }
}
