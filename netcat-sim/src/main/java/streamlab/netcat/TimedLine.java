package streamlab.netcat;

import java.time.Duration;
import java.util.Objects;

/**
 * One line to send, and how long after the previous line it is due.
 *
 * @param delay time to wait after the previous line (zero: send at once)
 * @param text  the line, without its line break
 */
public record TimedLine(Duration delay, String text) {

    public TimedLine {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(text, "text");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
    }

    /** A line due at once. */
    public static TimedLine now(String text) {
        return new TimedLine(Duration.ZERO, text);
    }
}
