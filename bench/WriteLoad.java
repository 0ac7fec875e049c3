import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write benchmark's client (bench/writes.sh runs it with `java bench/WriteLoad.java`): CONNECTIONS threads, each
 * owning one indicator's observations of YEARS years, PUT a new value with the If-Match of the version it last saw
 * (as a department's form does), then read the plan's page of indicators once (the first read after a write: the
 * read cache was just invalidated, so it is computed). Counts answers that are not 200, and prints writes/s and the
 * percentiles of both latencies, over DURATION seconds after WARMUP seconds.
 *
 * Args: base-url token plan indicator-prefix connections warmup-seconds duration-seconds first-year years read-after-write
 * [pace-ms [other-read-urls]]: with pace-ms each connection starts one round (write, its read, one of the other reads in
 * turn, comma-separated absolute URLs) every pace-ms at most, a steady rate for bench/soak.sh; 0 (default) is flat out.
 */
public class WriteLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String plan = args[2];
        String prefix = args[3];
        int connections = Integer.parseInt(args[4]);
        long warmupNanos = Duration.ofSeconds(Long.parseLong(args[5])).toNanos();
        long durationNanos = Duration.ofSeconds(Long.parseLong(args[6])).toNanos();
        int firstYear = Integer.parseInt(args[7]);
        int years = Integer.parseInt(args[8]);
        boolean readAfterWrite = Boolean.parseBoolean(args[9]);
        long paceNanos = Duration.ofMillis(args.length > 10 ? Long.parseLong(args[10]) : 0).toNanos();
        String[] otherReads = args.length > 11 && !args[11].isBlank() ? args[11].split(",") : new String[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<List<Long>> writeTimes = new ArrayList<>();
        List<List<Long>> readTimes = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + durationNanos;
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            List<Long> writes = Collections.synchronizedList(new ArrayList<>());
            List<Long> reads = Collections.synchronizedList(new ArrayList<>());
            writeTimes.add(writes);
            readTimes.add(reads);
            String indicator = prefix + String.format("%03d", c + 1);
            new Thread(() -> {
                try {
                    String[] etags = new String[years];
                    for (int y = 0; y < years; y++) {
                        etags[y] = client.send(get(base + "/api/v1/indicators/" + indicator + "/observations/" + (firstYear + y), token),
                                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
                    }
                    long n = 0;
                    long next = System.nanoTime();
                    while (System.nanoTime() < end) {
                        if (paceNanos > 0) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            // A round that ran late is not made up for with a burst: the rate stays steady.
                            next = Math.max(next, System.nanoTime() - paceNanos) + paceNanos;
                        }
                        int y = (int) (n++ % years);
                        String body = "{\"value\": " + (100 + n % 1000) + ".5, \"status\": \"PRELIMINARY\"}";
                        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/api/v1/indicators/" + indicator + "/observations/" + (firstYear + y)))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", etags[y])
                                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        HttpResponse<Void> written = client.send(put, HttpResponse.BodyHandlers.discarding());
                        long t1 = System.nanoTime();
                        if (written.statusCode() == 200) {
                            etags[y] = written.headers().firstValue("ETag").orElseThrow();
                        } else if (written.statusCode() == 412) {
                            conflicts.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                        long t2 = t1;
                        if (readAfterWrite) {
                            HttpResponse<Void> read = client.send(get(base + "/api/v1/plans/" + plan + "/indicators?size=20", token),
                                    HttpResponse.BodyHandlers.discarding());
                            t2 = System.nanoTime();
                            if (read.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        if (otherReads.length > 0) {
                            HttpResponse<Void> other = client.send(get(otherReads[(int) (n % otherReads.length)], token), HttpResponse.BodyHandlers.discarding());
                            if (other.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        if (t0 >= measureFrom && t2 <= end) {
                            writes.add(t1 - t0);
                            if (readAfterWrite) {
                                reads.add(t2 - t1);
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println(indicator + ": " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        List<Long> writes = new ArrayList<>();
        writeTimes.forEach(writes::addAll);
        List<Long> reads = new ArrayList<>();
        readTimes.forEach(reads::addAll);
        Collections.sort(writes);
        Collections.sort(reads);
        double seconds = durationNanos / 1e9;
        System.out.printf("writes %d in %.0f s: %.0f writes/s%s; write p50 %.1f ms p99 %.1f ms; "
                        + "first read after a write p50 %.1f ms p99 %.1f ms; 412s %d; errors %d%n",
                writes.size(), seconds, writes.size() / seconds, readAfterWrite ? " (each followed by its read)" : "", ms(writes, 0.50), ms(writes, 0.99), ms(reads, 0.50), ms(reads, 0.99),
                conflicts.get(), errors.get());
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
