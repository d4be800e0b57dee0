package streamlab.lab11;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;
import streamlab.support.MissingSolutionException;

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
        // TODO: onStart must return at once: start a new Thread that runs receive() and return.
        //       (setDaemon(true), and a name such as "Kafka receiver of " + topic, help.)
        throw new MissingSolutionException("Lab 11, KafkaReceiver.onStart: start a thread that runs receive(),"
                + " and return.");
    }

    @Override
    public void onStop() {
        // Nothing to do here: the reading thread sees isStopped() after its current poll (at most 100 ms)
        // and closes its consumer. (A KafkaConsumer belongs to the thread that uses it.)
    }

    /** The reading thread: assign the topic's partitions, then poll, store, commit, until stopped. */
    private void receive() {
        // TODO 1: a consumer of strings, closed whatever happens:
        //           try (KafkaConsumer<String, String> consumer =
        //                    new KafkaConsumer<>(config(), new StringDeserializer(), new StringDeserializer())) {
        // TODO 2: the topic's partitions: consumer.partitionsFor(topic, Duration.ofSeconds(10)), each as a
        //         new TopicPartition(topic, info.partition()). None: the topic does not exist (yet). Then
        //         restart("Topic " + topic + " does not exist (yet)", null, RESTART_DELAY_MS) and return:
        //         Spark calls onStop(), waits RESTART_DELAY_MS and calls onStart() again.
        // TODO 3: consumer.assign(partitions); then, while (!isStopped()): poll(Duration.ofMillis(100)); if it
        //         gave records, store() their values (store(list.iterator()) returns once Spark has them) and
        //         only then consumer.commitSync(), so that the group's offsets in Kafka never run ahead of Spark.
        // TODO 4: catch an exception: unless isStopped(), restart("Error reading topic ...", e, RESTART_DELAY_MS).
        throw new MissingSolutionException("Lab 11, KafkaReceiver.receive: a KafkaConsumer of config(), assign the"
                + " topic's partitions (restart(...) when there are none), then poll, store the values, commitSync,"
                + " until isStopped(); restart(...) on an error.");
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
