package streamlab.lab08;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

/**
 * Lab 08, Structured Streaming API: counts of the numbers 0..10 per event-time window, written in
 * append mode once the watermark says a window is final.
 *
 * <p>Input: the socket source with {@code includeTimestamp}, columns {@code value} (the line, a string)
 * and {@code timestamp} (its event time). Windows are 30 s long and start every 15 s, aligned on the
 * epoch: [17:33:00, 17:33:30), [17:33:15, 17:33:45), ... The watermark is the latest event time seen so
 * far minus 15 s; a window is final once the watermark reaches its end.
 */
public final class WindowAppendStructured {

    private WindowAppendStructured() {}

    /** The {@code window} struct (start, end) as text {@code HHmmss-HHmmss}: {@code 173300-173330}. */
    public static Column windowText(Column window) {
        // TODO: input: the window struct (start, end) that a window grouping makes. Output: a text column
        //       HHmmss-HHmmss, e.g. [17:33:00, 17:33:30) gives 173300-173330.
        //       The idea: a column expression built from the fields of a struct column.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.windowText: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Columns {@code window} (text, {@link #windowText}), {@code value} (an int) and {@code count}: how
     * often each number came in each window of 30 s sliding every 15 s, with a watermark of 15 s, so that
     * it runs in append mode.
     */
    public static Dataset<Row> valueCounts(Dataset<Row> events) {
        // TODO: input: lines with their event time (value, timestamp); only the whole numbers count (numbers,
        //       given below). Output: the columns window (its text, windowText), value (an int) and count, in
        //       that order: how often each number came in each window of 30 s sliding every 15 s, with a
        //       watermark of 15 s, so that it runs in append mode.
        //       The idea: event-time windows, a watermark and append mode together.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.valueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /** The same table as {@link #valueCounts} with tumbling windows of 30 s: [17:33:00, 17:33:30), [17:33:30, ...). */
    public static Dataset<Row> tumblingCounts(Dataset<Row> events) {
        // TODO: the same table as valueCounts, with tumbling windows of 30 s (windows that do not overlap).
        //       The idea: a tumbling window is a window whose slide equals its length.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.tumblingCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * The same counts as {@link #valueCounts} with no watermark: for update or complete mode. Spark can
     * never know that a window is final, so it keeps every window in its state.
     */
    public static Dataset<Row> countsWithoutWatermark(Dataset<Row> events) {
        // TODO: the same counts as valueCounts with no watermark, for update or complete mode.
        //       The idea: without a watermark no window is ever final: Spark refuses append mode and keeps
        //       every window in its state.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.countsWithoutWatermark: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * A CSV sink for {@link #valueCounts}: append mode, one folder per window
     * ({@code path/window=173300-173330/}) holding one file of {@code value,count} lines. The caller adds
     * the checkpoint and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> csvSink(Dataset<Row> counts, String path) {
        // TODO: output: a writer of the counts to CSV files under path, in append mode, one folder per window
        //       (path/window=173300-173330/) holding one file of value,count lines. (The caller adds the
        //       checkpoint and the trigger, and starts it.)
        //       The idea: a file sink partitioned by a column, one task per micro-batch.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.csvSink: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Given: the lines that are whole numbers, as an int column {@code value}, beside their
     * {@code timestamp}; other lines (blank, {@code hello}) are dropped.
     */
    static Dataset<Row> numbers(Dataset<Row> events) {
        return events.select(col("value").try_cast("int").as("value"), col("timestamp"))
                .where(col("value").isNotNull());
    }
}
