package streamlab.lab11;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

/**
 * Lab 11, Structured Streaming API: Kafka records in, word counts back out to a topic.
 *
 * <p>The input has the Kafka source's columns: {@code key} and {@code value} are bytes, which a query
 * casts to strings (UTF-8) to read them. The Kafka sink takes a {@code value} column (string or binary)
 * and, optionally, a {@code key} and a {@code topic} column.
 */
public final class KafkaWordCountsStructured {

    private KafkaWordCountsStructured() {}

    /** The records with {@code key} and {@code value} as strings: columns key, value, topic, partition, offset. */
    public static Dataset<Row> asText(Dataset<Row> records) {
        // TODO: select the five columns, key and value cast to strings: col("key").cast("string").as("key"), ...
        //       (or selectExpr("CAST(key AS STRING) AS key", ...)). A null key stays null.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.asText: select key and value cast to"
                + " strings (as key, value), then topic, partition, offset.");
    }

    /** Columns {@code word}, {@code count}: how often each word has come in the values so far, in all partitions. */
    public static Dataset<Row> wordCounts(Dataset<Row> records) {
        // TODO 1: the values as text, in a column "value": records.select(col("value").cast("string").as("value")).
        // TODO 2: Tokens.words(...) gives one row per word (column "word"); group by the word alone and count.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.wordCounts: the value cast to a string,"
                + " Tokens.words(...), groupBy(\"word\").count().");
    }

    /**
     * The word counts, written to {@code topic} of the brokers {@code bootstrapServers}: one record per word
     * whose count changed in the trigger (update mode), the word as key and the count, as text, as value.
     * The caller adds the checkpoint location and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> toKafka(Dataset<Row> records, String bootstrapServers, String topic) {
        // TODO 1: wordCounts(records) with two columns the Kafka sink knows: the word as "key", the count cast
        //         to a string as "value".
        // TODO 2: writeStream() in the output mode that sends only the rows that changed, format("kafka"),
        //         option("kafka.bootstrap.servers", ...) and option("topic", topic).
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.toKafka: wordCounts as key (the word)"
                + " and value (the count as a string), writeStream() in update mode, format(\"kafka\"), the"
                + " bootstrap servers and the topic.");
    }
}
