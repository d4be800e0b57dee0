package streamlab.netcat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations used on the command line and in scripts: {@code 500ms}, {@code 0.5s}, {@code 2s}, {@code 1m}, {@code 1h}. */
public final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final String EXAMPLES = "write a number and a unit, e.g. 500ms, 0.5s, 2s or 1m";

    private Durations() {}

    /**
     * Parses a duration such as {@code 0.5s}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and shows examples
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration '" + t + "': " + EXAMPLES);
        }
        BigDecimal nanosPerUnit = switch (m.group(2)) {
            case "ms" -> BigDecimal.valueOf(1_000_000L);
            case "s" -> BigDecimal.valueOf(1_000_000_000L);
            case "m" -> BigDecimal.valueOf(60_000_000_000L);
            default -> BigDecimal.valueOf(3_600_000_000_000L);
        };
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("bad duration '" + t + "': too long");
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Formats a duration the way {@link #parse} reads it, e.g. {@code 2s}, {@code 500ms}, {@code 1.5s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0 && ms > 0) {
            return ms / 1000 + "s";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
