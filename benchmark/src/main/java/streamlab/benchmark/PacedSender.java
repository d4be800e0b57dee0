package streamlab.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import streamlab.netcat.NetcatServer;

/**
 * Sends {@link TestLines} into a netcat-sim server at a steady rate, on its own thread, and notes on the
 * {@link Markers} board when each marker line went out (when {@link NetcatServer#send} has handed it to every
 * client). Every millisecond it sends the lines that are due by then, so that 100,000 lines a second need no sleep
 * shorter than a millisecond. If the clients hold it back (a full queue) by more than a second, it does not rush to
 * catch up: the lines it could not send are simply missing from its count.
 */
@SuppressWarnings("try") // close() waits for the sending thread and lets an interrupt through instead of swallowing it
final class PacedSender implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final NetcatServer server;
    private final int linesPerSecond;
    private final TestLines lines;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    private PacedSender(NetcatServer server, int linesPerSecond, int markersPerSecond) {
        this.server = server;
        this.linesPerSecond = linesPerSecond;
        this.lines = new TestLines(linesPerSecond, markersPerSecond);
        this.thread = new Thread(this::run, "benchmark-sender");
        thread.setDaemon(true);
    }

    /** Starts sending at once. */
    static PacedSender start(NetcatServer server, int linesPerSecond, int markersPerSecond) {
        PacedSender sender = new PacedSender(server, linesPerSecond, markersPerSecond);
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
                server.send(lines.line(n));
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
