package streamlab.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How long one marker took from being sent (to netcat-sim or the Kafka producer) to a visible count.
 *
 * @param sentNanos when it was sent ({@link System#nanoTime()})
 * @param millis    the latency; for a marker that never became visible, the time it waited until the step ended
 * @param visible   false: {@code millis} is only a lower bound
 */
record Latency(long sentNanos, double millis, boolean visible) {

    /** The nearest-rank percentile ({@code p} from 0 to 100) of the latencies, or null when there are none. */
    static Latency percentile(List<Latency> latencies, double p) {
        if (latencies.isEmpty()) {
            return null;
        }
        List<Latency> sorted = latencies.stream()
                .sorted(Comparator.comparingDouble(Latency::millis))
                .toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The share (0 to 1) of the markers that became visible; 0 when there are none. */
    static double visibleShare(List<Latency> latencies) {
        return latencies.isEmpty()
                ? 0
                : latencies.stream().filter(Latency::visible).count() / (double) latencies.size();
    }

    /** For the table: milliseconds, with {@code >} for a lower bound; {@code -} for no latency at all. */
    static String text(Latency latency) {
        if (latency == null) {
            return "-";
        }
        String ms = String.format(Locale.ROOT, "%,d", Math.round(latency.millis));
        return latency.visible ? ms : "> " + ms;
    }
}
