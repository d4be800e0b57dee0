package streamlab.netcat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inclusive range of integers written {@code LO..HI}, e.g. {@code 0..10} or {@code -5..5}. */
public record IntRange(int lo, int hi) {

    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");

    public IntRange {
        if (lo > hi) {
            throw new IllegalArgumentException("bad range " + lo + ".." + hi + ": LO must not be above HI, e.g. 0..10");
        }
    }

    /**
     * Parses {@code LO..HI}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong and shows an example
     */
    public static IntRange parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad range '" + t + "': write LO..HI with whole numbers, e.g. 0..10");
        }
        int lo;
        int hi;
        try {
            lo = Integer.parseInt(m.group(1));
            hi = Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad range '" + t + "': the numbers must fit in an int");
        }
        if (lo > hi) {
            throw new IllegalArgumentException("bad range '" + t + "': LO must not be above HI, e.g. 0..10");
        }
        return new IntRange(lo, hi);
    }

    @Override
    public String toString() {
        return lo + ".." + hi;
    }
}
