package streamlab.support;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import streamlab.netcat.LineSource;
import streamlab.netcat.TimedLine;

/**
 * A line source that keeps its lines' timing itself and tells a listener as each line is due, so that the
 * listener learns when each line went out: the feeder sends a line at once when its source hands it over
 * with no delay. The schedule is kept as the feeder keeps it: against fixed due times.
 */
final class ReportedLines implements LineSource {

    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LineSource lines;
    private final LineServer.SentLines listener;
    private long due = Long.MIN_VALUE;

    ReportedLines(LineSource lines, LineServer.SentLines listener) {
        this.lines = lines;
        this.listener = listener;
    }

    @Override
    public TimedLine next() throws IOException {
        TimedLine line = lines.next();
        if (line == null) {
            return null;
        }
        long now = System.nanoTime();
        due = (due == Long.MIN_VALUE ? now : due) + line.delay().toNanos();
        long wait = due - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped");
            }
        } else if (wait < -MAX_CATCH_UP_NANOS) {
            due = now;
        }
        listener.sent(Instant.now(), line.text());
        return TimedLine.now(line.text());
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
