package streamlab.lab11;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import streamlab.harness.MemoryInput;
import streamlab.harness.StructuredScript;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.Topics;

/**
 * Given test code: where the tests' Kafka records come from. With a broker: readers of its topics (what a
 * program writes as {@code spark.readStream().format("kafka").option("kafka.bootstrap.servers", ...)}),
 * records to send, a fresh topic name for every test. Without one: a memory stream of rows with the Kafka
 * source's columns, two partitions a batch, for the functions that only transform records.
 */
final class KafkaInput {

    /** The Kafka source's columns, in its order. */
    static final String[] COLUMNS = {"key", "value", "topic", "partition", "offset", "timestamp", "timestampType"};

    private static final AtomicInteger TOPICS = new AtomicInteger();

    private KafkaInput() {}

    /**
     * A streaming reader of the broker. {@code kafka.fetch.max.wait.ms}: a fetch that reaches the end of a
     * partition comes back at once instead of after Kafka's default 500 ms, which every micro-batch would wait.
     */
    static DataStreamReader stream(SparkSession spark, KafkaBroker broker) {
        return spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers())
                .option("kafka.fetch.max.wait.ms", 10);
    }

    /** A batch reader of the broker (spark.read()), tuned as {@link #stream}. */
    static DataFrameReader batch(SparkSession spark, KafkaBroker broker) {
        return spark.read()
                .format("kafka")
                .option("kafka.bootstrap.servers", broker.bootstrapServers())
                .option("kafka.fetch.max.wait.ms", 10);
    }

    /** Records as the tests compare them: key and value as text, topic, partition, offset. */
    static Dataset<Row> text(Dataset<Row> records) {
        return records.selectExpr(
                "CAST(key AS STRING) AS key", "CAST(value AS STRING) AS value", "topic", "partition", "offset");
    }

    /** A topic name no other test of this JVM uses: {@code name-N}. */
    static String newTopic(String name) {
        return name + "-" + TOPICS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 46_656, 36);
    }

    /** Values without a key, to one partition. */
    static List<ProducerRecord<String, String>> values(String topic, int partition, String... values) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String value : values) {
            records.add(new ProducerRecord<>(topic, partition, null, value));
        }
        return records;
    }

    /** Records with a key (null for none) and a value, to one partition. */
    static ProducerRecord<String, String> keyed(String topic, int partition, String key, String value) {
        return new ProducerRecord<>(topic, partition, key, value);
    }

    /** What a mirror test sends: k1=to be to lines partition 0, null=or not to partition 1, k2=be to words. */
    static String sendToMirror(Topics topics, String lines, String words) {
        topics.send(
                List.of(keyed(lines, 0, "k1", "to be"), keyed(lines, 1, null, "or not"), keyed(words, 0, "k2", "be")));
        return "sent k1=to be to " + lines + " partition 0, null=or not to its partition 1, k2=be to " + words;
    }

    /** What the four topics hold once those records are mirrored with the suffix "-copy". */
    static Map<String, List<String>> mirrored(String lines, String words) {
        List<String> inLines = List.of("k1=to be", "null=or not");
        List<String> inWords = List.of("k2=be");
        return Map.of(lines, inLines, words, inWords, lines + "-copy", inLines, words + "-copy", inWords);
    }

    /** What each of these topics holds, as {@code key=value} texts, sorted: what a mirror test compares. */
    static Map<String, List<String>> holdings(Topics topics, String... names) {
        Map<String, List<String>> held = new java.util.TreeMap<>();
        for (String name : names) {
            held.put(
                    name,
                    topics.readAll(name).stream()
                            .map(r -> r.key() + "=" + r.value())
                            .sorted()
                            .toList());
        }
        return held;
    }

    /** Deletes the records of a partition before {@code offset}, as retention does to old records. */
    static void deleteBefore(KafkaBroker broker, String topic, int partition, long offset) {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.deleteRecords(Map.of(new TopicPartition(topic, partition), RecordsToDelete.beforeOffset(offset)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot delete records of " + topic + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while deleting records of " + topic, e);
        }
    }

    /**
     * A script over a memory stream of Kafka records (no broker): each list is one step's batch, spread
     * over two partitions of the stream.
     */
    @SafeVarargs
    static StructuredScript records(List<KafkaRecord>... batches) {
        AtomicReference<MemoryInput<KafkaRecord>> input = new AtomicReference<>();
        StructuredScript script = StructuredScript.from(spark -> {
            MemoryInput<KafkaRecord> in = MemoryInput.of(Encoders.bean(KafkaRecord.class), spark);
            input.set(in);
            return in.toDF().selectExpr(COLUMNS);
        });
        for (List<KafkaRecord> batch : batches) {
            String description = batch.isEmpty()
                    ? "(no records)"
                    : batch.stream().map(KafkaRecord::toString).collect(Collectors.joining(", "));
            script.then(description, () -> input.get().add(batch));
        }
        return script;
    }

    /** A record without a key. */
    static KafkaRecord record(String topic, int partition, long offset, String value) {
        return KafkaRecord.of(topic, partition, offset, null, value);
    }
}
