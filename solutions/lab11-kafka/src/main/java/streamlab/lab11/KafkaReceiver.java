package streamlab.lab11;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;

/**
 * Lab 11, DStream API: a receiver that reads the values of a Kafka topic with kafka-clients, for
 * {@code ssc.receiverStream(new KafkaReceiver(...))}.
 *
 * <p>Spark ships this object to an executor and calls {@link #onStart()} there. It reads in a thread of
 * its own, with a consumer of the group {@code groupId}: it stores the values of each poll in Spark, then
 * commits their offsets to Kafka, so that a receiver started again goes on after the last value Spark
 * has. When it cannot read (the topic does not exist yet, the consumer fails) it asks Spark to restart it.
 */
public final class KafkaReceiver extends Receiver<String> {

    /** How long Spark waits before it starts a receiver again that asked for a restart. */
    public static final int RESTART_DELAY_MS = 200;

    private final String bootstrapServers;
    private final String topic;
    private final String groupId;
    private final String startingOffsets;

    /**
     * @param startingOffsets where a group that has no committed offsets yet starts: {@code earliest} or
     *                        {@code latest} (Kafka's {@code auto.offset.reset})
     */
    public KafkaReceiver(String bootstrapServers, String topic, String groupId, String startingOffsets) {
        super(StorageLevel.MEMORY_AND_DISK_SER());
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.groupId = groupId;
        this.startingOffsets = startingOffsets;
    }

    @Override
    public void onStart() {
        Thread reader = new Thread(this::receive, "Kafka receiver of " + topic);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void onStop() {
        // Nothing to do here: the reading thread sees isStopped() after its current poll (at most 100 ms)
        // and closes its consumer. (A KafkaConsumer belongs to the thread that uses it.)
    }

    /** The reading thread: assign the topic's partitions, then poll, store, commit, until stopped. */
    private void receive() {
        try (KafkaConsumer<String, String> consumer = newConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) {
                restart("Topic " + topic + " does not exist (yet)", null, RESTART_DELAY_MS);
                return;
            }
            consumer.assign(partitions);
            while (!isStopped()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                List<String> values = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.value());
                }
                store(values.iterator()); // returns once Spark has them as a block
                consumer.commitSync(); // only then: Kafka remembers that this group has them
            }
        } catch (Exception e) {
            if (!isStopped()) {
                restart("Error reading topic " + topic + " from " + bootstrapServers, e, RESTART_DELAY_MS);
            }
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        return new KafkaConsumer<>(config(), new StringDeserializer(), new StringDeserializer());
    }

    /** The consumer's settings (given). */
    private Properties config() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // the receiver commits, after store(): Kafka's own commits every 5 s could run ahead of what Spark has
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // where a group without committed offsets starts: earliest or latest
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startingOffsets);
        // asking for a topic that does not exist must not create it: partitionsFor then gives none
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }
}
