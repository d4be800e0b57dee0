package streamlab.lab06;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import streamlab.support.MissingSolutionException;

/**
 * Lab 06, Structured Streaming API: the rate source, triggers, and the life of a query.
 *
 * <p>A streaming DataFrame looks like any other, but nothing runs until {@code writeStream()...start()}
 * returns a {@link org.apache.spark.sql.streaming.StreamingQuery}; the trigger says when its
 * micro-batches run, and the query lives until it is stopped (or, with {@code AvailableNow}, until it
 * has read everything there was).
 */
public final class RateTriggersStructured {

    private RateTriggersStructured() {}

    /** The {@code rate} source: {@code rowsPerSecond} rows a second, columns {@code timestamp}, {@code value}. */
    public static Dataset<Row> rate(SparkSession spark, long rowsPerSecond) {
        // TODO: spark.readStream().format("rate") with the option "rowsPerSecond" (and "numPartitions" 2),
        //       then load().
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.rate: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The {@code rate-micro-batch} source: exactly {@code rowsPerBatch} rows in every micro-batch, whatever
     * the clock says; batch k's rows carry the time {@code startMillis + k * 1000}.
     */
    public static Dataset<Row> testRate(SparkSession spark, long rowsPerBatch, long startMillis) {
        // TODO: format("rate-micro-batch") with the options "rowsPerBatch", "startTimestamp" (milliseconds)
        //       and "advanceMillisPerBatch" (1000), and "numPartitions" 2.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.testRate: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** Columns {@code year}, {@code month}, {@code day}, {@code hour} (0-23), {@code minute}, {@code second}. */
    public static Dataset<Row> timeParts(Dataset<Row> rates) {
        // TODO: select six columns computed from col("timestamp") with the functions year, month, dayofmonth,
        //       hour, minute and second (org.apache.spark.sql.functions), each named with as("...").
        //       (The course notebook uses date_format(col("timestamp"), "h") for the hour: read question 3.)
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.timeParts: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** Appends {@code rows} to Parquet files in {@code outputDir}, with its checkpoint in {@code checkpointDir}. */
    public static DataStreamWriter<Row> parquetSink(Dataset<Row> rows, String outputDir, String checkpointDir) {
        // TODO: rows.writeStream() in format "parquet", output mode "append", with the options "path" and
        //       "checkpointLocation". (The caller adds the trigger and starts it.)
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.parquetSink: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** What a Parquet sink wrote, read back as a static (not streaming) DataFrame. */
    public static Dataset<Row> readBack(SparkSession spark, String outputDir) {
        // TODO: a static read (spark.read(), not readStream()) of the Parquet files in outputDir.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.readBack: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The trigger called {@code kind}: {@code default} (the next micro-batch as soon as the last one is
     * done), {@code processing} (one every {@code seconds}), {@code available-now} (everything there is,
     * then stop), {@code continuous} (no micro-batches; a checkpoint every {@code seconds}).
     *
     * @throws IllegalArgumentException for {@code once} (say which trigger replaces it) and unknown kinds
     */
    public static Trigger trigger(String kind, long seconds) {
        // TODO: a switch on kind returning Trigger.ProcessingTime(0L), Trigger.ProcessingTime(seconds,
        //       TimeUnit.SECONDS), Trigger.AvailableNow() or Trigger.Continuous(seconds, TimeUnit.SECONDS).
        //       "once": throw an IllegalArgumentException whose message says to use available-now instead.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.trigger: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * Stops every active query of the session (the course's {@code kill_all}) and returns one line per
     * query, {@code Stopped <its first source's description>}, or {@code Stopped query <its id> (no
     * micro-batch yet)} for a query that has not finished a micro-batch.
     */
    public static List<String> stopAll(SparkSession spark) throws TimeoutException {
        // TODO: for each query of spark.streams().active(): read its first source's description from
        //       query.lastProgress().sources()[0].description() (lastProgress is null before the first
        //       micro-batch), stop() it, and add "Stopped " + description to the list.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.stopAll: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * One line for a micro-batch's progress:
     * {@code batch 3: 10 rows in 120 ms (input 5.0 rows/s, processed 83.3 rows/s)}.
     */
    public static String progressLine(StreamingQueryProgress progress) {
        // TODO: String.format(Locale.ROOT, ...) with progress.batchId(), numInputRows(), batchDuration(),
        //       inputRowsPerSecond() and processedRowsPerSecond(), the rates with one decimal (%.1f).
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.progressLine: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The monitoring rule: a query is falling behind when, in every one of its recent micro-batches that
     * read rows, it processed fewer rows a second than came in. Batches without input prove nothing, and
     * with none left there is nothing to say: false.
     */
    public static boolean fallingBehind(List<StreamingQueryProgress> recent) {
        // TODO: skip the progresses with numInputRows() == 0; true only if at least one is left and each of
        //       them has processedRowsPerSecond() < inputRowsPerSecond().
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.fallingBehind: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }
}
