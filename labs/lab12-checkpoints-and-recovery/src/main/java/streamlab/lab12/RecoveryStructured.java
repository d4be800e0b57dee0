package streamlab.lab12;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

/**
 * Lab 12, Structured Streaming API: a query that survives being killed. Its checkpoint holds what it
 * read (offsets), what it finished (commits) and its state; the file sink's own log
 * ({@code _spark_metadata}) makes a batch that runs again write nothing twice.
 */
public final class RecoveryStructured {

    private RecoveryStructured() {}

    /**
     * IoT events per danger level per window of one minute, with a watermark of 30 seconds, so that it
     * can run in append mode: columns {@code start}, {@code end}, {@code danger_level}, {@code events}.
     */
    public static Dataset<Row> eventsPerWindow(Dataset<Row> events) {
        // TODO: input: IoT events (the columns of IotEvent.SCHEMA, timestamp among them). Output: the columns
        //       start, end, danger_level, events: how many events of each danger level fell in each window of
        //       one minute of event time, with a watermark of 30 seconds so that it can run in append mode.
        //       The window's start and end are plain columns of their own.
        //       The idea: an event-time aggregation that a file sink (append mode only) can write, each window
        //       once, when the watermark has passed its end.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.eventsPerWindow: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }

    /**
     * The rows appended to JSON-lines files in {@code outputDir}, with the query's checkpoint in
     * {@code checkpointDir}. The caller adds the trigger and starts it.
     */
    public static DataStreamWriter<Row> toFiles(Dataset<Row> rows, String outputDir, String checkpointDir) {
        // TODO: input: the rows to write, an output folder and a checkpoint folder. Output: a writer (not
        //       started) that appends the rows to JSON-lines files in outputDir, its checkpoint in checkpointDir.
        //       The idea: a file sink, which writes a file once and never changes it, and the output mode that
        //       follows from that.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.toFiles: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }

    /**
     * The state a stopped query of {@link #eventsPerWindow} left in its checkpoint, as of its last
     * micro-batch: the windows still open, with their counts so far. Columns {@code start}, {@code end},
     * {@code danger_level}, {@code events}.
     */
    public static Dataset<Row> openWindows(SparkSession spark, String checkpointDir) {
        // TODO: input: the checkpoint folder of a stopped eventsPerWindow query. Output: the state it left as
        //       of its last micro-batch, as the columns start, end, danger_level, events: the windows the
        //       watermark has not closed yet, with their counts so far.
        //       The idea: Spark 4 reads a checkpoint's state as a table, in a batch query; its rows are the
        //       aggregation's keys and buffers.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.openWindows: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }

    /**
     * Kafka records of IoT events (the Kafka source's columns) to alert records for a Kafka sink: one
     * per HIGH event, columns {@code key} (the device) and {@code value} (JSON: the device, its
     * temperature, the event's time as it came, and {@code from}: topic/partition/offset of the record
     * it came from). Other events and values that are not events give nothing.
     */
    public static Dataset<Row> alerts(Dataset<Row> records) {
        // TODO: input: Kafka records whose values are IoT events as JSON bytes (or something else). Output:
        //       one record per HIGH event, columns key (the deviceId) and value: JSON of deviceId, temperature,
        //       timestamp (as it came, as text: IotEvent.TEXT_SCHEMA keeps it so) and from, the record it came
        //       from as topic/partition/offset. Other events, and values that are not events, give nothing.
        //       The idea: parse and write JSON in columns, and give each output a key that names its input, so
        //       that a reader can tell a duplicate written after a restart from a second alert.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.alerts: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }
}
