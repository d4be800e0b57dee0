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
        // TODO 1: a watermark of 30 seconds on the column timestamp: events.withWatermark("timestamp", "30 seconds").
        //         (Without it Spark refuses an aggregation in append mode, the only mode a file sink has.)
        // TODO 2: group by window(col("timestamp"), "1 minute") and col("danger_level"), and count().
        // TODO 3: select the window's start and end as columns of their own ("window.start" as start,
        //         "window.end" as end), then danger_level, and count as events: a JSON file then holds plain
        //         columns, and the state reader's key has the same parts.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.eventsPerWindow: withWatermark(\"timestamp\","
                + " \"30 seconds\"), groupBy(window(col(\"timestamp\"), \"1 minute\"), col(\"danger_level\")).count(),"
                + " then select start, end, danger_level and events.");
    }

    /**
     * The rows appended to JSON-lines files in {@code outputDir}, with the query's checkpoint in
     * {@code checkpointDir}. The caller adds the trigger and starts it.
     */
    public static DataStreamWriter<Row> toFiles(Dataset<Row> rows, String outputDir, String checkpointDir) {
        // TODO: rows.writeStream() with the format "json", the output mode a file sink supports, the option
        //       "path" and the option "checkpointLocation". (Which output mode? A file is written once and
        //       never changed afterwards.)
        throw new MissingSolutionException("Lab 12, RecoveryStructured.toFiles: writeStream().format(\"json\"),"
                + " the output mode of a file sink, option(\"path\", outputDir), option(\"checkpointLocation\", checkpointDir).");
    }

    /**
     * The state a stopped query of {@link #eventsPerWindow} left in its checkpoint, as of its last
     * micro-batch: the windows still open, with their counts so far. Columns {@code start}, {@code end},
     * {@code danger_level}, {@code events}.
     */
    public static Dataset<Row> openWindows(SparkSession spark, String checkpointDir) {
        // TODO 1: Spark 4's state reader is a batch source: spark.read().format("statestore").load(checkpointDir).
        //         By default it reads the state of the last committed micro-batch, of the query's first stateful
        //         operator (operatorId 0). Print its schema once: a column key, a column value, a partition_id.
        // TODO 2: select key.window.start as start, key.window.end as end, key.danger_level as danger_level and
        //         value.count as events.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.openWindows: spark.read().format(\"statestore\")"
                + ".load(checkpointDir), then select the key's window start and end, its danger_level, and value.count.");
    }

    /**
     * Kafka records of IoT events (the Kafka source's columns) to alert records for a Kafka sink: one
     * per HIGH event, columns {@code key} (the device) and {@code value} (JSON: the device, its
     * temperature, the event's time as it came, and {@code from}: topic/partition/offset of the record
     * it came from). Other events and values that are not events give nothing.
     */
    public static Dataset<Row> alerts(Dataset<Row> records) {
        // TODO 1: the value is bytes: from_json(col("value").cast("string"), IotEvent.TEXT_SCHEMA) gives a struct
        //         (null, or nulls, for a value that is not an event). TEXT_SCHEMA keeps the timestamp as its text.
        // TODO 2: where the record came from: concat_ws("/", topic, partition, offset), each cast to a string.
        // TODO 3: keep the events whose danger_level is HIGH.
        // TODO 4: two columns: key = the deviceId; value = to_json(struct(deviceId, temperature, timestamp, from)),
        //         with the struct's fields named exactly so.
        throw new MissingSolutionException("Lab 12, RecoveryStructured.alerts: from_json the value with"
                + " IotEvent.TEXT_SCHEMA, keep the HIGH events, and select key = deviceId and value ="
                + " to_json(struct(deviceId, temperature, timestamp, from)) with from = topic/partition/offset.");
    }
}
