package streamlab.netcat;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the lines of a {@link LineSource} into a server on a background thread, keeping to their timing.
 * Get one from {@link NetcatServer#feed(LineSource)}.
 *
 * <p>The clock starts when the server is ready (its first client connected, unless it does not wait), so nothing
 * is lost while nobody listens. Delays are kept against a fixed schedule, so a rate of 1000 lines/s stays 1000
 * lines/s even though the system cannot sleep for exactly one millisecond.
 */
public final class Feeder {

    /** If sending fell this far behind the schedule (a slow client), start the schedule again rather than rush. */
    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final NetcatServer server;
    private final LineSource source;
    private final Thread thread;
    private final AtomicLong linesFed = new AtomicLong();
    private volatile Exception failure;
    private volatile boolean stopped;

    private Feeder(NetcatServer server, LineSource source) {
        this.server = server;
        this.source = source;
        this.thread = new Thread(this::run, "netcat-feeder-" + server.port());
        thread.setDaemon(true);
    }

    static Feeder start(NetcatServer server, LineSource source) {
        Feeder feeder = new Feeder(server, source);
        feeder.thread.start();
        return feeder;
    }

    private void run() {
        try (source) {
            if (!server.awaitReady()) {
                return;
            }
            long due = System.nanoTime();
            TimedLine line;
            while (!stopped && !server.isClosed() && (line = source.next()) != null) {
                if (!line.delay().isZero()) {
                    due += line.delay().toNanos();
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } else if (wait < -MAX_CATCH_UP_NANOS) {
                        due = System.nanoTime();
                    }
                    if (stopped) {
                        return;
                    }
                }
                server.send(line.text());
                linesFed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                failure = e;
            }
        }
    }

    /** Stops feeding (the server keeps running). Does not wait; see {@link #await(Duration)}. */
    public void stop() {
        stopped = true;
        thread.interrupt();
    }

    /** Waits until the source has run out (or {@link #stop()} was called, or the server closed). */
    public void await() throws InterruptedException {
        thread.join();
    }

    /** Waits at most {@code timeout} for the source to run out; returns whether it did. */
    public boolean await(Duration timeout) throws InterruptedException {
        long millis = Math.max(1, timeout.toMillis());
        thread.join(millis);
        return !thread.isAlive();
    }

    /** Whether feeding has ended. */
    public boolean isDone() {
        return !thread.isAlive();
    }

    /** Lines handed to the server so far. */
    public long linesFed() {
        return linesFed.get();
    }

    /** What went wrong while reading the source, if anything (e.g. the file became unreadable). */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }
}
