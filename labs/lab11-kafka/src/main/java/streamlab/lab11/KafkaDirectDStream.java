package streamlab.lab11;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import streamlab.support.MissingSolutionException;

/**
 * Lab 11, DStream API: the direct Kafka stream ({@code KafkaUtils.createDirectStream}, in
 * {@code spark-streaming-kafka-0-10}). Each batch is an RDD with one partition per Kafka partition, and it
 * knows exactly which offsets it covers; the stream commits them to Kafka when you tell it to.
 */
public final class KafkaDirectDStream {

    private KafkaDirectDStream() {}

    /**
     * For every batch of {@code records}: the word counts of the record values of the batch, written to
     * {@code output} with the offset ranges the batch read, and then those offsets committed through
     * {@code offsets} (the direct stream itself, in the program), so that a restarted program of the same
     * consumer group goes on after the last batch whose output was done: at least once.
     */
    public static void countAndCommit(
            JavaInputDStream<ConsumerRecord<String, String>> records, CanCommitOffsets offsets, CountsOutput output) {
        // TODO: input: the direct stream's batches of Kafka records. Output, for every batch and in this
        //       order: (1) the batch's word counts (the words of the record values; a record without a value
        //       has none), handed to output with the batch's time and the offset ranges it read, one per
        //       Kafka partition; (2) then, and only then, those same ranges committed through offsets, so
        //       that a restarted program goes on after the last batch whose output was done.
        //       The idea: each batch knows the offsets it covers; committing after the output makes the
        //       delivery at least once.
        throw new MissingSolutionException("Lab 11, KafkaDirectDStream.countAndCommit: the hints are in"
                + " labs/lab11-kafka/README.md, section Hints.");
    }

    /**
     * Every record of every batch of {@code records}, copied to the topic named by its own topic and
     * {@code suffix} ({@code lines} to {@code lines-copy}), key and value unchanged, by the brokers
     * {@code bootstrapServers}. A DStream has no Kafka sink: the tasks write with a producer of their own,
     * one per partition of the batch, closed (so flushed) before the task ends.
     */
    public static void mirror(
            JavaInputDStream<ConsumerRecord<String, String>> records, String bootstrapServers, String suffix) {
        // TODO: input: the direct stream's batches of Kafka records, the brokers and a suffix. Output: every
        //       record, key and value unchanged, sent to the topic named by its own topic and the suffix, and
        //       in Kafka when its batch ends.
        //       The idea: a DStream has no Kafka sink; the tasks write, each with a producer made where it runs.
        throw new MissingSolutionException(
                "Lab 11, KafkaDirectDStream.mirror: the hints are in" + " labs/lab11-kafka/README.md, section Hints.");
    }
}
