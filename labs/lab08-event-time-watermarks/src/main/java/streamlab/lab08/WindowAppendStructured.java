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
        // TODO 1: the struct's fields are window.getField("start") and window.getField("end"), two timestamps.
        //         Format each with functions.date_format(..., pattern) and join them with concat(..., lit("-"), ...).
        //         The pattern letters are Java's (DateTimeFormatter): H is the hour of the day (0-23),
        //         h the hour on a 12-hour clock, m the minute, M the month, s the second.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.windowText: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Columns {@code window} (text, {@link #windowText}), {@code value} (an int) and {@code count}: how
     * often each number came in each window of 30 s sliding every 15 s, with a watermark of 15 s, so that
     * it runs in append mode.
     */
    public static Dataset<Row> valueCounts(Dataset<Row> events) {
        // TODO 2: start from numbers(events) (given below: value as an int, timestamp kept, other lines dropped).
        // TODO 3: withWatermark("timestamp", "15 seconds"), before the aggregation, on the column the window uses.
        // TODO 4: groupBy(functions.window(col("timestamp"), "30 seconds", "15 seconds"), col("value")).count().
        // TODO 5: select the columns window (windowText(col("window")).as("window")), value and count, in that order.
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.valueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /** The same table as {@link #valueCounts} with tumbling windows of 30 s: [17:33:00, 17:33:30), [17:33:30, ...). */
    public static Dataset<Row> tumblingCounts(Dataset<Row> events) {
        // TODO 6: as valueCounts, with a window that does not slide: window(col("timestamp"), "30 seconds").
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.tumblingCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * The same counts as {@link #valueCounts} with no watermark: for update or complete mode. Spark can
     * never know that a window is final, so it keeps every window in its state.
     */
    public static Dataset<Row> countsWithoutWatermark(Dataset<Row> events) {
        // TODO 7: valueCounts without withWatermark. (Spark then refuses append mode: see the tests.)
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.countsWithoutWatermark: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * A CSV sink for {@link #valueCounts}: append mode, one folder per window
     * ({@code path/window=173300-173330/}) holding one file of {@code value,count} lines. The caller adds
     * the checkpoint and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> csvSink(Dataset<Row> counts, String path) {
        // TODO 8: counts.coalesce(1) (one task writes each micro-batch, so one file per window folder), then
        //         writeStream() in format "csv", partitionBy("window"), outputMode("append"), option("path", path).
        throw new MissingSolutionException("Lab 08, WindowAppendStructured.csvSink: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Given: the lines that are whole numbers, as an int column {@code value}, beside their
     * {@code timestamp}; other lines (blank, {@code hello}) are dropped.
     */
    static Dataset<Row> numbers(Dataset<Row> events) {
        return events
                .select(col("value").try_cast("int").as("value"), col("timestamp"))
                .where(col("value").isNotNull());
    }
}
