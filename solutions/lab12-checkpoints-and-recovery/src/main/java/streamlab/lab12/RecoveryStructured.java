package streamlab.lab12;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;

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
        return events.withWatermark("timestamp", "30 seconds")
                .groupBy(window(col("timestamp"), "1 minute"), col("danger_level"))
                .count()
                .select(
                        col("window.start").as("start"),
                        col("window.end").as("end"),
                        col("danger_level"),
                        col("count").as("events"));
    }

    /**
     * The rows appended to JSON-lines files in {@code outputDir}, with the query's checkpoint in
     * {@code checkpointDir}. The caller adds the trigger and starts it.
     */
    public static DataStreamWriter<Row> toFiles(Dataset<Row> rows, String outputDir, String checkpointDir) {
        return rows.writeStream()
                .format("json")
                .outputMode("append")
                .option("path", outputDir)
                .option("checkpointLocation", checkpointDir);
    }

    /**
     * The state a stopped query of {@link #eventsPerWindow} left in its checkpoint, as of its last
     * micro-batch: the windows still open, with their counts so far. Columns {@code start}, {@code end},
     * {@code danger_level}, {@code events}.
     */
    public static Dataset<Row> openWindows(SparkSession spark, String checkpointDir) {
        return spark.read()
                .format("statestore")
                .load(checkpointDir)
                .select(
                        col("key.window.start").as("start"),
                                col("key.window.end").as("end"),
                        col("key.danger_level").as("danger_level"),
                                col("value.count").as("events"));
    }

    /**
     * Kafka records of IoT events (the Kafka source's columns) to alert records for a Kafka sink: one
     * per HIGH event, columns {@code key} (the device) and {@code value} (JSON: the device, its
     * temperature, the event's time as it came, and {@code from}: topic/partition/offset of the record
     * it came from). Other events and values that are not events give nothing.
     */
    public static Dataset<Row> alerts(Dataset<Row> records) {
        Dataset<Row> events = records.select(
                from_json(col("value").cast("string"), IotEvent.TEXT_SCHEMA).as("event"),
                concat_ws(
                                "/",
                                col("topic"),
                                col("partition").cast("string"),
                                col("offset").cast("string"))
                        .as("from"));
        return events.where(col("event.danger_level").equalTo("HIGH"))
                .select(
                        col("event.deviceId").as("key"),
                        to_json(struct(
                                        col("event.deviceId").as("deviceId"),
                                        col("event.temperature").as("temperature"),
                                        col("event.timestamp").as("timestamp"),
                                        col("from")))
                                .as("value"));
    }
}
