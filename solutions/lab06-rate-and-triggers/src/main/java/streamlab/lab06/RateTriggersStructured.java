package streamlab.lab06;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.second;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;

/**
 * Lab 06, Structured Streaming API: the rate source, triggers, and the life of a query.
 *
 * <p>A streaming DataFrame looks like any other, but nothing runs until {@code writeStream()...start()}
 * returns a {@link StreamingQuery}; the trigger says when its micro-batches run, and the query lives
 * until it is stopped (or, with {@code AvailableNow}, until it has read everything there was).
 */
public final class RateTriggersStructured {

    private RateTriggersStructured() {}

    /** The {@code rate} source: {@code rowsPerSecond} rows a second, columns {@code timestamp}, {@code value}. */
    public static Dataset<Row> rate(SparkSession spark, long rowsPerSecond) {
        return spark.readStream()
                .format("rate")
                .option("rowsPerSecond", rowsPerSecond)
                .option("numPartitions", 2)
                .load();
    }

    /**
     * The {@code rate-micro-batch} source: exactly {@code rowsPerBatch} rows in every micro-batch, whatever
     * the clock says; batch k's rows carry the time {@code startMillis + k * 1000}.
     */
    public static Dataset<Row> testRate(SparkSession spark, long rowsPerBatch, long startMillis) {
        return spark.readStream()
                .format("rate-micro-batch")
                .option("rowsPerBatch", rowsPerBatch)
                .option("startTimestamp", startMillis)
                .option("advanceMillisPerBatch", 1000)
                .option("numPartitions", 2)
                .load();
    }

    /** Columns {@code year}, {@code month}, {@code day}, {@code hour} (0-23), {@code minute}, {@code second}. */
    public static Dataset<Row> timeParts(Dataset<Row> rates) {
        return rates.select(
                year(col("timestamp")).as("year"),
                month(col("timestamp")).as("month"),
                dayofmonth(col("timestamp")).as("day"),
                hour(col("timestamp")).as("hour"),
                minute(col("timestamp")).as("minute"),
                second(col("timestamp")).as("second"));
    }

    /** Appends {@code rows} to Parquet files in {@code outputDir}, with its checkpoint in {@code checkpointDir}. */
    public static DataStreamWriter<Row> parquetSink(Dataset<Row> rows, String outputDir, String checkpointDir) {
        return rows.writeStream()
                .format("parquet")
                .outputMode("append")
                .option("path", outputDir)
                .option("checkpointLocation", checkpointDir);
    }

    /** What a Parquet sink wrote, read back as a static (not streaming) DataFrame. */
    public static Dataset<Row> readBack(SparkSession spark, String outputDir) {
        return spark.read().parquet(outputDir);
    }

    /**
     * The trigger called {@code kind}: {@code default} (the next micro-batch as soon as the last one is
     * done), {@code processing} (one every {@code seconds}), {@code available-now} (everything there is,
     * then stop), {@code continuous} (no micro-batches; a checkpoint every {@code seconds}), and
     * {@code once}, deprecated since Spark 3.4 and still in older code (everything in one micro-batch).
     *
     * @throws IllegalArgumentException for an unknown kind
     */
    @SuppressWarnings("deprecation") // Trigger.Once, which the lab shows beside AvailableNow
    public static Trigger trigger(String kind, long seconds) {
        return switch (kind) {
            case "default" -> Trigger.ProcessingTime(0L);
            case "processing" -> Trigger.ProcessingTime(seconds, TimeUnit.SECONDS);
            case "available-now" -> Trigger.AvailableNow();
            case "continuous" -> Trigger.Continuous(seconds, TimeUnit.SECONDS);
            case "once" -> Trigger.Once(); // deprecated since Spark 3.4; older code still uses it
            default ->
                throw new IllegalArgumentException(
                        "Unknown trigger '" + kind + "': use default, processing, available-now, once or continuous.");
        };
    }

    /**
     * Stops every active query of the session (the course's {@code kill_all}) and returns one line per
     * query, {@code Stopped <its first source's description>}, or {@code Stopped query <its id> (no
     * micro-batch yet)} for a query that has not finished a micro-batch.
     */
    public static List<String> stopAll(SparkSession spark) throws TimeoutException {
        List<String> stopped = new ArrayList<>();
        for (StreamingQuery query : spark.streams().active()) {
            StreamingQueryProgress last = query.lastProgress();
            String source = last == null || last.sources().length == 0
                    ? "query " + query.id() + " (no micro-batch yet)"
                    : last.sources()[0].description();
            query.stop();
            stopped.add("Stopped " + source);
        }
        return stopped;
    }

    /**
     * One line for a micro-batch's progress:
     * {@code batch 3: 10 rows in 120 ms (input 5.0 rows/s, processed 83.3 rows/s)}.
     */
    public static String progressLine(StreamingQueryProgress progress) {
        return String.format(
                Locale.ROOT,
                "batch %d: %d rows in %d ms (input %.1f rows/s, processed %.1f rows/s)",
                progress.batchId(),
                progress.numInputRows(),
                progress.batchDuration(),
                progress.inputRowsPerSecond(),
                progress.processedRowsPerSecond());
    }

    /**
     * The monitoring rule: a query is falling behind when, in every one of its recent micro-batches that
     * read rows, it processed fewer rows a second than came in. Batches without input prove nothing, and
     * with none left there is nothing to say: false.
     */
    public static boolean fallingBehind(List<StreamingQueryProgress> recent) {
        boolean anyWithInput = false;
        for (StreamingQueryProgress p : recent) {
            if (p.numInputRows() == 0) {
                continue;
            }
            anyWithInput = true;
            if (p.processedRowsPerSecond() >= p.inputRowsPerSecond()) {
                return false;
            }
        }
        return anyWithInput;
    }
}
