package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.DirectKafkaInputDStream;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.jdk.javaapi.CollectionConverters;
import streamlab.support.LabUsageException;

/**
 * Lab 12's DStream pipeline on Kafka: {@link RecoveryDStream#highTotals} on the direct stream of a topic
 * (lab 11's {@code KafkaUtils.createDirectStream}), made by {@code getOrCreate}. Its checkpoint holds the
 * offsets: where the next batch starts, and the offset ranges of the batches in flight, which a recovered
 * driver reads again. The consumer group's committed offsets play no part (nothing is committed).
 */
final class DirectPipeline {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private DirectPipeline() {}

    /**
     * The context {@code getOrCreate} makes when the checkpoint folder holds none: the same as
     * {@link RecoveryDStream#createContext}, with the direct stream of {@code topic} for the folder.
     */
    static JavaStreamingContext createContext(
            JavaSparkContext sc,
            String checkpointDir,
            String servers,
            String topic,
            Duration batch,
            TotalsOutput output) {
        JavaStreamingContext ssc = new JavaStreamingContext(sc, batch);
        ssc.checkpoint(checkpointDir);
        Map<String, Object> params = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "lab12-direct",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest", // the very first run only: then the checkpoint
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                6000, // a killed driver's consumer leaves the group after 6 s, not 45: a restart does not wait
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        JavaInputDStream<ConsumerRecord<String, String>> records = KafkaUtils.createDirectStream(
                ssc, LocationStrategies.PreferConsistent(), ConsumerStrategies.Subscribe(List.of(topic), params));
        records.foreachRDD(
                (rdd, time) -> printRanges(time.milliseconds(), ((HasOffsetRanges) rdd.rdd()).offsetRanges()));
        RecoveryDStream.highTotals(records.map(ConsumerRecord::value))
                .foreachRDD((totals, time) -> output.batchDone(time.milliseconds(), totals.collectAsMap()));
        return ssc;
    }

    /**
     * After {@code getOrCreate}: whether the context is new or recovered, and for a recovered one where its
     * direct stream goes on (the offsets of its checkpoint). Refused with one sentence: the checkpoint of
     * the other DStream pipeline, and (direct, {@code servers} not null) one that reads from another broker.
     */
    static void describe(JavaStreamingContext ssc, String servers, Path checkpoint) throws IOException {
        Lab12Output.describeDStream(checkpoint);
        if (!Lab12Output.holdsDStreamCheckpoint(checkpoint)) {
            return;
        }
        DirectKafkaInputDStream<?, ?> direct = null;
        for (InputDStream<?> input : ssc.ssc().graph().getInputStreams()) {
            if (input instanceof DirectKafkaInputDStream<?, ?> kafka) {
                direct = kafka;
            }
        }
        if ((direct != null) != (servers != null)) {
            throw new LabUsageException("The folder " + checkpoint + " holds the checkpoint of the "
                    + (direct != null ? "direct" : "dstream") + " pipeline: give --checkpoint a folder of its own, or"
                    + " delete " + checkpoint + " to start over.");
        }
        if (direct == null) {
            return;
        }
        Object kept = direct.executorKafkaParams().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        if (!servers.equals(kept)) {
            throw new LabUsageException("The checkpoint in " + checkpoint + " reads from the Kafka broker at " + kept
                    + ", not " + servers + ": a recovered context takes its Kafka settings from its checkpoint, so"
                    + " give --bootstrap-servers " + kept + ", or delete " + checkpoint + " to start over.");
        }
        Map<String, Object> next = new TreeMap<>();
        CollectionConverters.asJava(direct.currentOffsets())
                .forEach((TopicPartition p, Object offset) -> next.put(p.toString(), offset));
        System.out.println("== DStream: the checkpoint's offsets, where the batches after the kill start: " + next
                + " (the batches it had in flight read their ranges again; the group lab12-direct committed nothing)");
    }

    /** On the driver, for each batch with records: the offset ranges it reads (the same again if it runs again). */
    private static void printRanges(long batchTimeMs, OffsetRange[] ranges) {
        String read = Arrays.stream(ranges)
                .filter(r -> r.count() > 0)
                .sorted(Comparator.comparing(OffsetRange::topic).thenComparing(OffsetRange::partition))
                .map(r ->
                        r.topic() + "-" + r.partition() + " offsets " + r.fromOffset() + " to " + (r.untilOffset() - 1))
                .collect(Collectors.joining(", "));
        if (!read.isEmpty()) {
            System.out.println("== batch " + CLOCK.format(Instant.ofEpochMilli(batchTimeMs)) + " (" + batchTimeMs
                    + ") reads " + read);
        }
    }
}
