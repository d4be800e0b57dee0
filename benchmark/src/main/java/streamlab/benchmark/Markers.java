package streamlab.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The board where a step notes when each marker word was sent (to netcat-sim or the Kafka producer) and when its count
 * became visible, both on
 * {@link System#nanoTime()} of this one JVM. The senders and the sinks reach it through static methods, because a
 * DStream's functions are serialized with its checkpoint and a map-only query's sink is shipped to its tasks: none
 * of them may hold a reference to an object of the benchmark. (That is also why the benchmark runs on a local master:
 * the tasks then run in this JVM and write to this board.)
 */
final class Markers {

    /** Every marker word starts with this; no ordinary word of {@link TestLines} does. */
    static final String PREFIX = "marker";

    private static final Map<String, Long> SENT = new ConcurrentHashMap<>();
    private static final Map<String, Long> VISIBLE = new ConcurrentHashMap<>();
    private static final AtomicLong SINK_LINES = new AtomicLong();

    private Markers() {}

    /** Forgets the previous step. */
    static void reset() {
        SENT.clear();
        VISIBLE.clear();
        SINK_LINES.set(0);
    }

    /** The sender: the line with this marker has just been handed to netcat-sim's clients or the Kafka producer. */
    static void sent(String marker, long nanos) {
        SENT.put(marker, nanos);
    }

    /** A sink: these words' counts are visible now. Only the first time a marker is seen counts. */
    static void visible(Iterable<String> words) {
        long now = System.nanoTime();
        for (String word : words) {
            if (word.startsWith(PREFIX)) {
                VISIBLE.putIfAbsent(word, now);
            }
        }
    }

    /** A map-only query's sink: one more line arrived; its marker, if it has one, is the line's last word. */
    static void sinkLine(String line) {
        SINK_LINES.incrementAndGet();
        int at = line.lastIndexOf(PREFIX);
        if (at >= 0) {
            VISIBLE.putIfAbsent(line.substring(at), System.nanoTime());
        }
    }

    /** Lines the map-only query's sink has seen in this step. */
    static long sinkLines() {
        return SINK_LINES.get();
    }

    /**
     * The latency of every marker sent in [from, to), in the order they were sent. A marker not visible by
     * {@code end} gets {@code end - sent}, flagged as a lower bound.
     */
    static List<Latency> latencies(long from, long to, long end) {
        List<Latency> latencies = new ArrayList<>();
        SENT.forEach((marker, sent) -> {
            if (sent >= from && sent < to) {
                Long visible = VISIBLE.get(marker);
                long until = visible != null ? visible : end;
                latencies.add(new Latency(sent, Math.max(0, until - sent) / 1e6, visible != null));
            }
        });
        latencies.sort(Comparator.comparingLong(Latency::sentNanos));
        return latencies;
    }
}
