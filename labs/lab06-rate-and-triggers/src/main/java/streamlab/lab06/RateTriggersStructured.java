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
        // TODO: output: a streaming DataFrame from the rate source, rowsPerSecond rows a second over 2
        //       partitions, columns timestamp and value.
        //       The idea: a source that Spark makes itself, configured by its options.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.rate: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The {@code rate-micro-batch} source: exactly {@code rowsPerBatch} rows in every micro-batch, whatever
     * the clock says; batch k's rows carry the time {@code startMillis + k * 1000}.
     */
    public static Dataset<Row> testRate(SparkSession spark, long rowsPerBatch, long startMillis) {
        // TODO: output: a streaming DataFrame from the rate-micro-batch source: exactly rowsPerBatch rows in
        //       every micro-batch over 2 partitions; batch k's rows carry the time startMillis + k * 1000.
        //       The idea: a source for tests, whose rows do not depend on the clock.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.testRate: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** Columns {@code year}, {@code month}, {@code day}, {@code hour} (0-23), {@code minute}, {@code second}. */
    public static Dataset<Row> timeParts(Dataset<Row> rates) {
        // TODO: input: the rate rows (column timestamp). Output: the whole-number columns year, month, day,
        //       hour (0-23), minute and second of each timestamp, with those names.
        //       The idea: derived columns computed from a timestamp, on a stream as on a static table.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.timeParts: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** Appends {@code rows} to Parquet files in {@code outputDir}, with its checkpoint in {@code checkpointDir}. */
    public static DataStreamWriter<Row> parquetSink(Dataset<Row> rows, String outputDir, String checkpointDir) {
        // TODO: output: a writer that appends the rows to Parquet files in outputDir, with its checkpoint in
        //       checkpointDir. (The caller adds the trigger and starts it.)
        //       The idea: a file sink, which needs a checkpoint location and writes each row once.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.parquetSink: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /** What a Parquet sink wrote, read back as a static (not streaming) DataFrame. */
    public static Dataset<Row> readBack(SparkSession spark, String outputDir) {
        // TODO: output: the Parquet files in outputDir as a static (not streaming) DataFrame.
        //       The idea: what a streaming query wrote is a plain table for a batch read.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.readBack: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The trigger called {@code kind}: {@code default} (the next micro-batch as soon as the last one is
     * done), {@code processing} (one every {@code seconds}), {@code available-now} (everything there is,
     * then stop), {@code continuous} (no micro-batches; a checkpoint every {@code seconds}), and
     * {@code once}, deprecated since Spark 3.4 and still in older code (everything in one micro-batch).
     *
     * @throws IllegalArgumentException for an unknown kind
     */
    public static Trigger trigger(String kind, long seconds) {
        // TODO: output: the Trigger called kind (see the Javadoc above for each kind); an unknown kind: an
        //       IllegalArgumentException that lists the kinds.
        //       The idea: a trigger decides when the micro-batches run.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.trigger: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * Stops every active query of the session (the course's {@code kill_all}) and returns one line per
     * query, {@code Stopped <its first source's description>}, or {@code Stopped query <its id> (no
     * micro-batch yet)} for a query that has not finished a micro-batch.
     */
    public static List<String> stopAll(SparkSession spark) throws TimeoutException {
        // TODO: output: every active query of the session stopped, and one line per query: "Stopped " and its
        //       first source's description, or "Stopped query <id> (no micro-batch yet)" when it has no progress.
        //       The idea: a session knows its running queries, and a query reports what it reads.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.stopAll: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * One line for a micro-batch's progress:
     * {@code batch 3: 10 rows in 120 ms (input 5.0 rows/s, processed 83.3 rows/s)}.
     */
    public static String progressLine(StreamingQueryProgress progress) {
        // TODO: output: one line for a micro-batch's progress, as the Javadoc above shows, rates with one
        //       decimal and a dot as the decimal point whatever the machine's locale.
        //       The idea: the progress a query reports after every micro-batch.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.progressLine: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * The monitoring rule: a query is falling behind when, in every one of its recent micro-batches that
     * read rows, it processed fewer rows a second than came in. Batches without input prove nothing, and
     * with none left there is nothing to say: false.
     */
    public static boolean fallingBehind(List<StreamingQueryProgress> recent) {
        // TODO: output: true when, in every recent micro-batch that read rows, fewer rows a second were
        //       processed than came in; false when no micro-batch read rows.
        //       The idea: the monitoring rule: processing rate against input rate.
        throw new MissingSolutionException("Lab 06, RateTriggersStructured.fallingBehind: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }
}
