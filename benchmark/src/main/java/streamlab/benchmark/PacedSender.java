package streamlab.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends {@link TestLines} into a {@link Feed} at a steady rate, on its own thread, and notes on the {@link Markers}
 * board when each marker line went out (when {@link Feed#send} returned: netcat-sim has handed the line to every
 * client, or the Kafka producer has taken the record, with its timestamp). Every millisecond it sends the lines that are due by then, so that 100,000 lines a second need no sleep
 * shorter than a millisecond. If the feed holds it back (a full queue, a full producer buffer) by more than a second, it does not rush to
 * catch up: the lines it could not send are simply missing from its count.
 */
@SuppressWarnings("try") // close() waits for the sending thread and lets an interrupt through instead of swallowing it
final class PacedSender implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Consumer<String> feed;
    private final int linesPerSecond;
    private final TestLines lines;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    private PacedSender(Consumer<String> feed, int linesPerSecond, int markersPerSecond) {
        this.feed = feed;
        this.linesPerSecond = linesPerSecond;
        this.lines = new TestLines(linesPerSecond, markersPerSecond);
        this.thread = new Thread(this::run, "benchmark-sender");
        thread.setDaemon(true);
    }

    /** Starts sending at once. */
    static PacedSender start(Consumer<String> feed, int linesPerSecond, int markersPerSecond) {
        PacedSender sender = new PacedSender(feed, linesPerSecond, markersPerSecond);
        sender.thread.start();
        return sender;
    }

    /** Lines sent so far. */
    long linesSent() {
        return sent.get();
    }

    private void run() {
        long start = System.nanoTime();
        long n = 0;
        while (!stopped) {
            long due = (System.nanoTime() - start) * linesPerSecond / TimeUnit.SECONDS.toNanos(1);
            if (due - n > linesPerSecond) {
                // more than a second behind: start the schedule again from here
                start = System.nanoTime() - n * TimeUnit.SECONDS.toNanos(1) / linesPerSecond;
                continue;
            }
            while (n < due && !stopped) {
                feed.accept(lines.line(n));
                if (lines.marked(n)) {
                    Markers.sent(TestLines.marker(n), System.nanoTime());
                }
                n++;
                sent.set(n);
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    /** Stops sending and waits (briefly) for the thread to end. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
