package streamlab.support.view;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import streamlab.support.Api;
import streamlab.support.View;

/** The labels above the blocks, with times in the local time zone. */
public final class Labels {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private Labels() {}

    /** {@code 10:15:04} */
    public static String clock(long epochMillis) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code 10:15:04.006} */
    public static String clockMillis(long epochMillis) {
        return MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    /** {@code DStream batch 10:15:04}, with what the header said besides the time. */
    public static String dstream(Block block, long slot) {
        return "DStream batch " + clock(block.time() != null ? block.time() : slot) + note(block);
    }

    /**
     * {@code Structured micro-batch 3 of lengths, began 10:15:04.006}, with what the header said besides the
     * number.
     *
     * @param query the query's name, or null
     * @param began when the micro-batch began (epoch milliseconds), or null when not known
     */
    public static String structured(Block block, Long batch, String query, Long began) {
        Long number = block.batch() != null ? block.batch() : batch;
        return "Structured " + (number != null ? "micro-batch " + number : "output")
                + (query != null && !query.isBlank() ? " of " + query : "")
                + (began != null ? ", began " + clockMillis(began) : "") + note(block);
    }

    private static String note(Block block) {
        return block.note().isEmpty() ? "" : " " + block.note();
    }

    /** How to read a view of {@code apis} on a terminal {@code width} columns wide, in one sentence. */
    static String howToRead(RowLayout layout, int width, View view, Api apis) {
        if (apis != Api.BOTH) {
            return "each batch time in one row, under a label";
        }
        if (layout instanceof ColumnLayout) {
            return "each batch time in one row: DStream on the left, Structured on the right"
                    + (view == View.WEB ? "" : " (--view web shows them in a browser)");
        }
        return "each batch time in one row: the DStream output, then the Structured output"
                + (view == View.COLUMNS
                        ? " (the terminal is " + width + " columns wide; two columns need " + ColumnLayout.MIN_WIDTH
                                + ", e.g. COLUMNS=160 in front of the command; --view web shows them in a browser)"
                        : "");
    }
}
