package streamlab.lab11;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

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
        // TODO: input: the Kafka source's rows (key and value are bytes). Output: the columns key, value,
        //       topic, partition, offset, in that order, with key and value as text (a null key stays null).
        //       The idea: Kafka stores bytes; the query decides they are UTF-8 text.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.asText: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /** Columns {@code word}, {@code count}: how often each word has come in the values so far, in all partitions. */
    public static Dataset<Row> wordCounts(Dataset<Row> records) {
        // TODO: input: the Kafka source's rows. Output: the columns word and count: how often each word has
        //       come in the values so far, by the course's word rule, over all topics and partitions.
        //       The idea: lab 01's running count, once the bytes are text.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.wordCounts: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * The word counts, written to {@code topic} of the brokers {@code bootstrapServers}: one record per word
     * whose count changed in the trigger (update mode), the word as key and the count, as text, as value.
     * The caller adds the checkpoint location and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> toKafka(Dataset<Row> records, String bootstrapServers, String topic) {
        // TODO: input: the Kafka source's rows, the brokers and an output topic. Output: a writer (not started)
        //       that sends wordCounts to that topic: one record per word whose count changed in the trigger,
        //       the word as the record's key and the count, as text, as its value.
        //       The idea: the Kafka sink's columns, and an output topic that becomes a changelog of counts.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.toKafka: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * Every record, copied to the topic named by its own topic and {@code suffix} ({@code lines} to
     * {@code lines-copy}), with its key and value unchanged: one query writes to as many topics as it reads,
     * through the sink's {@code topic} column (no {@code topic} option). The caller adds the checkpoint
     * location and the trigger, and starts it.
     */
    public static DataStreamWriter<Row> mirror(Dataset<Row> records, String bootstrapServers, String suffix) {
        // TODO: input: the Kafka source's rows, the brokers and a suffix. Output: a writer (not started) that
        //       sends every record, key and value unchanged, to the topic named by its own topic and the suffix.
        //       The idea: the Kafka sink reads each record's topic from a column, so one query writes to many.
        throw new MissingSolutionException("Lab 11, KafkaWordCountsStructured.mirror: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }
}
