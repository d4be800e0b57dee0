package streamlab.lab03;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.Tokens;

/**
 * Lab 03, Structured Streaming API: word counts in sliding windows of 5 s that move every 2 s.
 *
 * <p>Input: an unbounded table of lines with their event time (columns {@code value} and
 * {@code timestamp}; the socket source with {@code includeTimestamp} gives each line the time it was
 * read). Windows are intervals of event time, [start, end), aligned on the epoch: [0 s, 5 s),
 * [2 s, 7 s), [4 s, 9 s), ... A line belongs to every window whose interval holds its timestamp,
 * whichever micro-batch brings it.
 */
public final class SlidingWindowsStructured {

    /** How far behind the latest event time the query still accepts a late line. */
    public static final String WATERMARK_DELAY = "2 seconds";

    private SlidingWindowsStructured() {}

    /** Columns {@code window} (a struct start, end), {@code word}, {@code count}; for complete or update mode. */
    public static Dataset<Row> windowCounts(Dataset<Row> lines) {
        return Tokens.words(lines)
                .groupBy(window(col("timestamp"), "5 seconds", "2 seconds"), col("word"))
                .count();
    }

    /**
     * The same table with a watermark of {@value #WATERMARK_DELAY}, so that it also works in append
     * mode: a window is written once, when the watermark passes its end, and lines later than the
     * watermark are dropped.
     */
    public static Dataset<Row> watermarkedCounts(Dataset<Row> lines) {
        return Tokens.words(lines.withWatermark("timestamp", WATERMARK_DELAY))
                .groupBy(window(col("timestamp"), "5 seconds", "2 seconds"), col("word"))
                .count();
    }
}
