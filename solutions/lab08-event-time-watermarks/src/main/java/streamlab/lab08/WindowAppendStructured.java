package streamlab.lab08;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;

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
        return concat(
                date_format(window.getField("start"), "HHmmss"),
                lit("-"),
                date_format(window.getField("end"), "HHmmss"));
    }

    /**
     * Columns {@code window} (text, {@link #windowText}), {@code value} (an int) and {@code count}: how
     * often each number came in each window of 30 s sliding every 15 s, with a watermark of 15 s, so that
     * it runs in append mode.
     */
    public static Dataset<Row> valueCounts(Dataset<Row> events) {
        return numbers(events)
                .withWatermark("timestamp", "15 seconds")
                .groupBy(window(col("timestamp"), "30 seconds", "15 seconds"), col("value"))
                .count()
                .select(windowText(col("window")).as("window"), col("value"), col("count"));
    }

    /** The same table as {@link #valueCounts} with tumbling windows of 30 s: [17:33:00, 17:33:30), [17:33:30, ...). */
    public static Dataset<Row> tumblingCounts(Dataset<Row> events) {
        return numbers(events)
                .withWatermark("timestamp", "15 seconds")
                .groupBy(window(col("timestamp"), "30 seconds"), col("value"))
                .count()
                .select(windowText(col("window")).as("window"), col("value"), col("count"));
    }

    /**
     * The same counts as {@link #valueCounts} with no watermark: for update or complete mode. Spark can
     * never know that a window is final, so it keeps every window in its state.
     */
    public static Dataset<Row> countsWithoutWatermark(Dataset<Row> events) {
        return numbers(events)
                .groupBy(window(col("timestamp"), "30 seconds", "15 seconds"), col("value"))
                .count()
                .select(windowText(col("window")).as("window"), col("value"), col("count"));
    }

    /**
     * A CSV sink for {@link #valueCounts}: append mode, one folder per window
     * ({@code path/window=173300-173330/}) holding one file of {@code value,count} lines. The caller adds
     * the checkpoint and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> csvSink(Dataset<Row> counts, String path) {
        return counts.coalesce(1)
                .writeStream()
                .format("csv")
                .partitionBy("window")
                .outputMode("append")
                .option("path", path);
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
