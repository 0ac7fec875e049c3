package gov.planmonitor.systemtest;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL stops and starts again while the services run and are written to: readiness goes DOWN and comes back UP
 * with no service restarted; a write during the outage is refused with a 503 Problem (never a 500), and every write
 * acknowledged before, during and after is in the database.
 */
class DatabaseOutageFaultTest {

    private static final List<String> SERVICES = List.of("indicator-service", "project-service", "report-service");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    /** Where a write lands: the service, its path, how to make the body for a code, and the table that keeps it. */
    private record Writer(String service, String path, String database, String table, java.util.function.Function<String, Map<String, Object>> body) {
    }

    @Test
    void readinessFollowsTheDatabaseAndNoAcknowledgedWriteIsLost() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String planner = faults.token("planner");
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : SERVICES) {
            pids.put(service, faults.suite.process(service).pid());
        }
        List<Writer> writers = List.of(
                new Writer("indicator-service", "/api/v1/departments", "planmonitor_fault_indicator", "department",
                        code -> Map.of("code", code, "nameZh", "停库测试局", "nameEn", "Outage test bureau")),
                new Writer("project-service", "/api/v1/project-lists", "planmonitor_fault_project", "project_list",
                        code -> Map.of("code", code, "nameZh", "停库测试清单", "nameEn", "Outage test list", "year", 2022)));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger phase = new AtomicInteger(0); // 0 before, 1 during, 2 after
        Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
        Map<String, Set<String>> unanswered = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (Writer writer : writers) {
            acknowledged.put(writer.table(), ConcurrentHashMap.newKeySet());
            unanswered.put(writer.table(), ConcurrentHashMap.newKeySet());
            for (int t = 0; t < 2; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    int n = 0;
                    while (running.get()) {
                        String code = "OUT" + RUN + "_" + thread + "_" + (++n);
                        String when = List.of("before", "during", "after").get(phase.get());
                        try {
                            HttpResponse<String> response = faults.send("POST", faults.url(writer.service(), writer.path()), planner, writer.body().apply(code));
                            counts.computeIfAbsent(writer.table() + " " + when + " " + response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                            if (response.statusCode() == 201) {
                                acknowledged.get(writer.table()).add(code);
                            } else if (response.statusCode() == 503 && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                                    && response.headers().firstValue("Retry-After").isPresent()) {
                                unanswered.get(writer.table()).add(code);
                            } else {
                                unanswered.get(writer.table()).add(code);
                                unexpected.add(writer.service() + " " + when + ": " + response.statusCode() + " " + response.body());
                            }
                            Thread.sleep(response.statusCode() == 201 ? 20 : 100);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            unanswered.get(writer.table()).add(code);
                            unexpected.add(writer.service() + " " + when + ": " + e);
                        }
                    }
                }, "outage-writer-" + writer.table() + "-" + t);
                worker.start();
                threads.add(worker);
            }
        }

        Thread.sleep(3000);
        long stopping = System.nanoTime();
        phase.set(1);
        faults.postgres.stop();
        long down = awaitReadiness(faults, 503, Duration.ofSeconds(30)) - stopping;
        Thread.sleep(2000);
        long starting = System.nanoTime();
        faults.postgres.startAgain();
        long up = awaitReadiness(faults, 200, Duration.ofSeconds(60)) - starting;
        phase.set(2);
        Thread.sleep(3000);
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        System.out.printf("[fault] PostgreSQL stopped: every readiness DOWN after %d ms; started again: every readiness UP after %d ms%n",
                Duration.ofNanos(down).toMillis(), Duration.ofNanos(up).toMillis());
        new java.util.TreeMap<>(counts).forEach((k, v) -> System.out.printf("[fault] writes %s: %d%n", k, v.get()));
        assertTrue(unexpected.isEmpty(), "answers other than 201 or a 503 Problem with Retry-After: " + unexpected);
        for (String service : SERVICES) {
            assertTrue(faults.suite.process(service).isAlive(), service + " died");
            assertEquals(pids.get(service), faults.suite.process(service).pid(), service + " was restarted");
        }
        for (Writer writer : writers) {
            Set<String> stored = stored(faults, writer);
            Set<String> acked = acknowledged.get(writer.table());
            Set<String> lost = new HashSet<>(acked);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), "acknowledged but not stored in " + writer.table() + ": " + lost);
            // What is stored beyond the acknowledged can only be writes whose answer was a refusal (none expected).
            Set<String> extra = new HashSet<>(stored);
            extra.removeAll(acked);
            assertTrue(unanswered.get(writer.table()).containsAll(extra), "stored without being sent: " + extra);
            System.out.printf("[fault] %s: %d writes acknowledged, %d stored, %d refused with 503 and not stored%n", writer.table(), acked.size(),
                    stored.size(), unanswered.get(writer.table()).size() - extra.size());
            for (String when : List.of("before", "during", "after")) {
                if (!when.equals("during")) {
                    assertTrue(counts.containsKey(writer.table() + " " + when + " 201"), "no write succeeded " + when + " the outage: " + counts);
                }
            }
            assertTrue(counts.containsKey(writer.table() + " during 503"), "no write was refused during the outage: " + counts);
        }
    }

    /** Waits until every service's readiness answers this status; returns when. */
    private static long awaitReadiness(FaultSuite faults, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Set<String> pending = new HashSet<>(SERVICES);
        while (!pending.isEmpty()) {
            for (String service : List.copyOf(pending)) {
                if (faults.send("GET", faults.readiness(service), null, null).statusCode() == status) {
                    pending.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("readiness of " + pending + " did not answer " + status + " within " + within);
            }
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    private static Set<String> stored(FaultSuite faults, Writer writer) throws Exception {
        Set<String> codes = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(faults.postgres.jdbcUrl(writer.database()), faults.postgres.user(), faults.postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code FROM " + writer.table() + " WHERE code LIKE 'OUT" + RUN + "%'")) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }
}
