package streamlab.lab11;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;
import streamlab.support.Tokens;

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
        records.foreachRDD((rdd, time) -> {
            // only the stream's own RDD knows its ranges: take them before any transformation
            OffsetRange[] ranges = ((HasOffsetRanges) rdd.rdd()).offsetRanges();
            List<Tuple2<String, Long>> counts = rdd.flatMap(
                            record -> Tokens.split(record.value()).iterator())
                    .mapToPair(word -> new Tuple2<>(word, 1L))
                    .reduceByKey(Long::sum)
                    .collect();
            output.write(time, ranges, counts);
            offsets.commitAsync(ranges);
        });
    }

    /**
     * Every record of every batch of {@code records}, copied to the topic named by its own topic and
     * {@code suffix} ({@code lines} to {@code lines-copy}), key and value unchanged, by the brokers
     * {@code bootstrapServers}. A DStream has no Kafka sink: the tasks write with a producer of their own,
     * one per partition of the batch, closed (so flushed) before the task ends.
     */
    public static void mirror(
            JavaInputDStream<ConsumerRecord<String, String>> records, String bootstrapServers, String suffix) {
        records.foreachRDD(rdd -> rdd.foreachPartition(partition -> {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
                partition.forEachRemaining(record ->
                        producer.send(new ProducerRecord<>(record.topic() + suffix, record.key(), record.value())));
            }
        }));
    }
}
