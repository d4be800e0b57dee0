package streamlab.benchmark;

import java.util.List;
import java.util.Locale;

/** The definition of "sustained", in words (printed with every run) and as code. */
final class Verdict {

    /** The share of lines and of markers that must make it. */
    static final double ENOUGH = 0.95;

    static final String DEFINITION = String.join(
            "\n",
            "A query sustains a rate when, over the measured period after the warm-up:",
            "  1. its batches do not queue up: DStream, the last batch waited less than one batch interval to start;",
            "     Structured, its micro-batches took no longer than the trigger interval (median);",
            "  2. it processed lines at 95 % of the rate they were sent at, or more (DStream: lines its tasks split",
            "     into words, between the first and the last batch that finished in the period; Structured: the",
            "     input rows of its micro-batches, between the starts of the first and the last that finished in it;",
            "     map-only queries: lines that reached their foreach sink);",
            "  3. its latency did not keep growing: the median latency of the markers sent in the last third of",
            "     the period is at most one batch interval above that of the first third;",
            "  4. at least 95 % of the markers sent became visible before the step ended;",
            "  5. the sender sent at least 95 % of the lines due (netcat-sim's readers or the Kafka producer did not",
            "     hold it back).",
            "Latency: from a marker line being sent (handed to netcat-sim's readers, or to the Kafka producer) to its",
            "count being visible on the driver (collected in foreachRDD / foreachBatch; the map-only queries:",
            "reaching their foreach sink, in a task of the same JVM), on the same JVM clock;",
            "'> N' means that marker was still not visible N ms after it was sent.");

    private Verdict() {}

    /**
     * Why a query fell behind, or null when it sustained the rate.
     *
     * @param behind    the API's own verdict on its batches ({@link StreamQuery#fallingBehind()})
     * @param sent      lines per second sent in the measured period
     * @param processed lines per second the query processed in it
     * @param latencies the markers sent in the measured period, in the order they were sent
     */
    static String why(
            String behind, int rate, double sent, double processed, List<Latency> latencies, long batchMillis) {
        if (behind != null) {
            return behind;
        }
        if (processed < ENOUGH * sent) {
            return String.format(Locale.ROOT, "processed only %.0f %% of the lines sent", 100 * processed / sent);
        }
        String growing = growing(latencies, batchMillis);
        if (growing != null) {
            return growing;
        }
        if (Latency.visibleShare(latencies) < ENOUGH) {
            return String.format(
                    Locale.ROOT, "only %.0f %% of the markers became visible", 100 * Latency.visibleShare(latencies));
        }
        if (sent < ENOUGH * rate) {
            return String.format(Locale.ROOT, "the sender could send only %,.0f lines/s", sent);
        }
        return null;
    }

    private static String growing(List<Latency> latencies, long batchMillis) {
        int third = latencies.size() / 3;
        if (third == 0) {
            return null;
        }
        Latency first = Latency.percentile(latencies.subList(0, third), 50);
        Latency last = Latency.percentile(latencies.subList(latencies.size() - third, latencies.size()), 50);
        if (last.millis() > first.millis() + batchMillis) {
            return String.format(
                    Locale.ROOT,
                    "latency keeps growing: median %,.0f ms, then %,.0f ms",
                    first.millis(),
                    last.millis());
        }
        return null;
    }
}
