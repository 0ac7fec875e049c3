package gov.planmonitor.systemtest;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mixed reads and writes on 200 connections for 60 seconds ({@code -Dfault.load.seconds} to change): no 5xx at all,
 * and each service's memory stable: its resident set at the end within 10 % of what it was after 10 seconds.
 * The 60 seconds follow 20 seconds of the same load ({@code -Dfault.load.priming-seconds}), also without a 5xx: on two
 * busy cores a fresh JVM is still compiling its hot code after 10 seconds, and the code cache it fills is growth of
 * the resident set that says nothing about leaks (measured: +10 % without priming on a service just restarted), so the
 * priming goes on until the resident sets stop growing (at most a minute more).
 * The figures (requests, statuses, latency percentiles, RSS) are printed; this is a fault test, not a benchmark.
 */
class SustainedLoadFaultTest {

    private static final int CONNECTIONS = 200;
    private static final int SECONDS = Integer.getInteger("fault.load.seconds", 60);
    private static final int PRIMING_SECONDS = Integer.getInteger("fault.load.priming-seconds", 20);
    private static final int MAX_SETTLING_SECONDS = 60;
    private static final List<String> SERVICES = List.of("indicator-service", "project-service", "report-service");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    @Test
    void twoHundredConnectionsForAMinuteGiveNo5xxAndStableMemory() throws Exception {
        FaultSuite faults = FaultSuite.get();
        String planner = faults.token("planner");
        String reader = faults.token("reporter");
        String shared = "LOAD" + RUN;
        faults.expect(201, "POST", faults.url("indicator-service", "/api/v1/departments"), planner,
                Map.of("code", shared, "nameZh", "压力测试局", "nameEn", "Load test bureau"));

        List<String[]> reads = List.of(
                new String[]{"indicator-service", "/api/v1/plans"},
                new String[]{"indicator-service", "/api/v1/plans/FYP13/indicators"},
                new String[]{"indicator-service", "/api/v1/plans/AP2017/evaluation"},
                new String[]{"indicator-service", "/api/v1/departments/" + shared},
                new String[]{"project-service", "/api/v1/project-lists"},
                new String[]{"project-service", "/api/v1/project-lists/AP2017-KEY"},
                new String[]{"report-service", "/api/v1/reports"});

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        long[][] latencies = new long[CONNECTIONS][];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            int connection = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[4096];
                int count = 0;
                for (long n = connection; running.get(); n += CONNECTIONS) {
                    long start = System.nanoTime();
                    String what;
                    try {
                        HttpResponse<String> response;
                        if (n % 10 == 3) {
                            what = "POST department";
                            response = faults.send("POST", faults.url("indicator-service", "/api/v1/departments"), planner,
                                    Map.of("code", "LD" + RUN + "_" + n, "nameZh", "压力测试局", "nameEn", "Load test bureau " + n));
                        } else if (n % 10 == 7) {
                            what = "PUT department";
                            String url = faults.url("indicator-service", "/api/v1/departments/" + shared);
                            String etag = faults.send("GET", url, reader, null).headers().firstValue("ETag").orElse("\"0\"");
                            response = faults.send("PUT", url, planner, Map.of("code", shared, "nameZh", "压力测试局", "nameEn", "Load " + n), "If-Match", etag);
                        } else if (n % 10 == 9) {
                            what = "POST project list";
                            response = faults.send("POST", faults.url("project-service", "/api/v1/project-lists"), planner,
                                    Map.of("code", "LD" + RUN + "-" + n, "nameZh", "压力测试清单", "nameEn", "Load test list", "year", 2022));
                        } else {
                            String[] read = reads.get((int) (n % reads.size()));
                            what = "GET " + read[1];
                            response = faults.send("GET", faults.url(read[0], read[1]), reader, null);
                        }
                        int status = response.statusCode();
                        if (measuring.get()) {
                            statuses.computeIfAbsent(what + " " + status, k -> new AtomicInteger()).incrementAndGet();
                        }
                        // 412: another connection renamed the shared department between this one's read and write.
                        if (status >= 500 || (status >= 400 && status != 412)) {
                            failures.add(what + ": " + status + " " + response.body());
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failures.add("n=" + n + ": " + e);
                    }
                    if (measuring.get()) {
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - start;
                        requests.incrementAndGet();
                    }
                }
                latencies[connection] = Arrays.copyOf(mine, count);
            }, "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(PRIMING_SECONDS * 1000L);
        long primed = awaitSettledMemory(faults);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(10_000);
        Map<String, Long> rssAt10 = new LinkedHashMap<>();
        for (String service : SERVICES) {
            rssAt10.put(service, faults.rssKb(service));
        }
        long requestsAt10 = requests.get();
        Thread.sleep(Math.max(0, SECONDS * 1000L - 10_000));
        Map<String, Long> rssAtEnd = new LinkedHashMap<>();
        for (String service : SERVICES) {
            rssAtEnd.put(service, faults.rssKb(service));
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] all = Arrays.stream(latencies).filter(java.util.Objects::nonNull).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("[fault] load: %d connections, %d s priming, then %.0f s: %d requests (%.0f/s; %.0f/s after the first 10 s); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                CONNECTIONS, PRIMING_SECONDS + primed, seconds, requests.get(), requests.get() / seconds, (requests.get() - requestsAt10) / (seconds - 10),
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        new java.util.TreeMap<>(statuses).forEach((k, v) -> System.out.printf("[fault] load %s: %d%n", k, v.get()));
        for (String service : SERVICES) {
            System.out.printf("[fault] %s RSS after 10 s %d MB, at the end %d MB (%+.1f %%)%n", service, rssAt10.get(service) / 1024,
                    rssAtEnd.get(service) / 1024, 100.0 * (rssAtEnd.get(service) - rssAt10.get(service)) / rssAt10.get(service));
        }
        assertTrue(failures.isEmpty(), failures.size() + " failed requests, e.g. " + failures.stream().limit(10).toList());
        for (String service : SERVICES) {
            double change = Math.abs(rssAtEnd.get(service) - rssAt10.get(service)) / (double) rssAt10.get(service);
            assertTrue(change <= 0.10, service + ": RSS " + rssAt10.get(service) + " kB after 10 s, " + rssAtEnd.get(service) + " kB at the end");
        }
    }

    /**
     * Goes on priming until no service's resident set grew more than 2 % in the last 10 seconds, for at most
     * {@link #MAX_SETTLING_SECONDS}: a slower machine is still compiling after the fixed priming (CI measured 366 MB
     * 10 s in and 409 MB at the end, where this machine's service had settled at 402 MB by then). A leak does not
     * settle: it runs out the time and is then measured like anything else. Answers the seconds it took.
     */
    private static long awaitSettledMemory(FaultSuite faults) throws Exception {
        List<Map<String, Long>> samples = new ArrayList<>();
        long started = System.nanoTime();
        while (true) {
            Map<String, Long> sample = new LinkedHashMap<>();
            for (String service : SERVICES) {
                sample.put(service, faults.rssKb(service));
            }
            samples.add(sample);
            long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
            if (samples.size() >= 3) {
                Map<String, Long> before = samples.get(samples.size() - 3);
                boolean settled = SERVICES.stream().allMatch(s -> sample.get(s) <= before.get(s) * 1.02);
                if (settled || elapsed >= MAX_SETTLING_SECONDS) {
                    System.out.printf("[fault] memory %s after %d s more priming: %s%n", settled ? "settled" : "still growing", elapsed, samples);
                    return elapsed;
                }
            }
            Thread.sleep(5_000);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
