package streamlab.lab03;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;

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
        // TODO: input: rows with a line (value) and its event time (timestamp). Output: the columns window
        //       (a struct start, end), word and count, in that order: how many times each word occurs among
        //       the rows whose timestamp is in each window of 5 s that starts every 2 s.
        //       The idea: a window of event time is a grouping key computed from the timestamp.
        throw new MissingSolutionException("Lab 03, SlidingWindowsStructured.windowCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }

    /**
     * The same table with a watermark of {@value #WATERMARK_DELAY}, so that it also works in append
     * mode: a window is written once, when the watermark passes its end, and lines later than the
     * watermark are dropped.
     */
    public static Dataset<Row> watermarkedCounts(Dataset<Row> lines) {
        // TODO: the same table as windowCounts, with a watermark of WATERMARK_DELAY on the timestamp, so
        //       that append mode can write each window once, when it can no longer change.
        //       The idea: the watermark says how late a row may come; Spark closes the windows behind it.
        throw new MissingSolutionException("Lab 03, SlidingWindowsStructured.watermarkedCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }
}
