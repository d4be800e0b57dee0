package streamlab.lab11;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.Tokens;

/**
 * Lab 11, Structured Streaming API: Kafka records in, word counts back out to a topic, and
 * records copied to topics of their own.
 *
 * <p>The input has the Kafka source's columns: {@code key} and {@code value} are bytes, which a query
 * casts to strings (UTF-8) to read them. The Kafka sink takes a {@code value} column (string or binary)
 * and, optionally, a {@code key} and a {@code topic} column.
 */
public final class KafkaWordCountsStructured {

    private KafkaWordCountsStructured() {}

    /** The records with {@code key} and {@code value} as strings: columns key, value, topic, partition, offset. */
    public static Dataset<Row> asText(Dataset<Row> records) {
        return records.select(
                col("key").cast("string").as("key"),
                col("value").cast("string").as("value"),
                col("topic"),
                col("partition"),
                col("offset"));
    }

    /** Columns {@code word}, {@code count}: how often each word has come in the values so far, in all partitions. */
    public static Dataset<Row> wordCounts(Dataset<Row> records) {
        Dataset<Row> values = records.selectExpr("CAST(value AS STRING) AS value");
        return Tokens.words(values).groupBy("word").count();
    }

    /**
     * The word counts, written to {@code topic} of the brokers {@code bootstrapServers}: one record per word
     * whose count changed in the trigger (update mode), the word as key and the count, as text, as value.
     * The caller adds the checkpoint location and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> toKafka(Dataset<Row> records, String bootstrapServers, String topic) {
        return wordCounts(records)
                .select(col("word").as("key"), col("count").cast("string").as("value"))
                .writeStream()
                .outputMode("update")
                .format("kafka")
                .option("kafka.bootstrap.servers", bootstrapServers)
                .option("topic", topic);
    }

    /**
     * Every record, copied to the topic named by its own topic and {@code suffix} ({@code lines} to
     * {@code lines-copy}), with its key and value unchanged: one query writes to as many topics as it reads,
     * through the sink's {@code topic} column (no {@code topic} option). The caller adds the checkpoint
     * location and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> mirror(Dataset<Row> records, String bootstrapServers, String suffix) {
        return records.select(concat(col("topic"), lit(suffix)).as("topic"), col("key"), col("value"))
                .writeStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", bootstrapServers);
    }
}
