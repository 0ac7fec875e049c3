package gov.planmonitor.testsupport;

/** Reads a service's Prometheus scrape (/q/metrics) in tests. */
public final class Prometheus {

    private Prometheus() {
    }

    /**
     * The value of one series, named with its labels exactly as Prometheus prints them, or 0 before its first
     * increment. An exemplar may follow the value (the trace of one observation): {@code 1.0 # {span_id="…",trace_id="…"} 1.0 …}.
     */
    public static double value(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0])).orElse(0.0);
    }
}
