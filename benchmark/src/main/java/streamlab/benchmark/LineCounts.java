package streamlab.benchmark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How many lines a query had processed each time one of its batches finished, and the rate that follows. The rate
 * is taken between the first and the last batch that finished in a period, not from the lines of the batches that
 * happened to finish in it: a windowed DStream finishes a job only every slide (2 s), so a 10 s period holds four
 * to six of them, and counting them would make the rate jump by a fifth either way.
 */
final class LineCounts {

    /**
     * A batch that finished: when it is placed in time ({@code nanos}, see {@link #finished(long, long)}), when it
     * finished, and the lines processed by then (nanoTime).
     */
    private record Sample(long nanos, long finishedNanos, long lines) {}

    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    /** A batch finished now; {@code linesSoFar} lines have been processed since the query started. */
    void finished(long linesSoFar) {
        finished(System.nanoTime(), linesSoFar);
    }

    /**
     * A batch finished now, placed in time at {@code nanos}: a micro-batch at the time it started, when it fixed the
     * offsets (Kafka) or the lines (socket) it reads, so that the rate does not depend on how long each one took.
     */
    void finished(long nanos, long linesSoFar) {
        samples.add(new Sample(nanos, System.nanoTime(), linesSoFar));
    }

    /** Whether any batch finished between {@code from} and {@code to}. */
    boolean anyFinished(long from, long to) {
        return samples.stream().anyMatch(s -> s.finishedNanos >= from && s.finishedNanos <= to);
    }

    /**
     * Lines per second between the first and the last batch placed in [from, to]; with fewer than two of them (a
     * query far behind), the lines of the batches that finished in it, over the whole period (0 if none did).
     */
    double perSecond(long from, long to) {
        List<Sample> in =
                samples.stream().filter(s -> s.nanos >= from && s.nanos <= to).toList();
        if (in.size() >= 2) {
            Sample first = in.get(0);
            Sample last = in.get(in.size() - 1);
            return (last.lines - first.lines) / ((last.nanos - first.nanos) / 1e9);
        }
        long before = linesFinishedBy(from);
        return (linesFinishedBy(to) - before) / ((to - from) / 1e9);
    }

    private long linesFinishedBy(long nanos) {
        return samples.stream()
                .filter(s -> s.finishedNanos <= nanos)
                .mapToLong(Sample::lines)
                .max()
                .orElse(0);
    }
}
