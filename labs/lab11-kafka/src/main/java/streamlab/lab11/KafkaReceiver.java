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
        // TODO: input: nothing; Spark calls this on an executor once the receiver is there. Output: the
        //       reading of receive() under way, and this method already returned.
        //       The idea: a receiver's start must not block; the long reading loop runs somewhere else.
        throw new MissingSolutionException(
                "Lab 11, KafkaReceiver.onStart: the hints are in" + " labs/lab11-kafka/README.md, section Hints.");
    }

    @Override
    public void onStop() {
        // Nothing to do here: the reading thread sees isStopped() after its current poll (at most 100 ms)
        // and closes its consumer. (A KafkaConsumer belongs to the thread that uses it.)
    }

    /** The reading thread: assign the topic's partitions, then poll, store, commit, until stopped. */
    private void receive() {
        // TODO: input: the topic's records, read with Kafka's own consumer of the settings config() gives.
        //       Output: every record's value stored in Spark, batch after batch, until the receiver is
        //       stopped; the group's offsets committed to Kafka only after Spark holds the values. A topic
        //       that does not exist (yet), or an error while reading, asks Spark to start the receiver again
        //       after RESTART_DELAY_MS (a stopped receiver asks nothing). The consumer is closed whatever happens.
        //       The idea: a receiver's life: read, hand over, remember where it is, and give up cleanly.
        throw new MissingSolutionException(
                "Lab 11, KafkaReceiver.receive: the hints are in" + " labs/lab11-kafka/README.md, section Hints.");
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
