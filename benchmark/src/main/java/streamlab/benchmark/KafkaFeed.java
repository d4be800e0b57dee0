package streamlab.benchmark;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of its own for one step ({@value #PARTITIONS} partitions, one per core), and a producer that writes each
 * line to it as a record without a key. The producer is set as for throughput rather than safety: the leader's
 * acknowledgement only ({@code acks=1}) and up to {@value #LINGER_MS} ms to fill a batch. The topic is deleted at
 * the start of the next one ({@link KafkaFeeds}), so that the broker's disk does not fill up over a run.
 */
final class KafkaFeed implements Feed {

    static final int PARTITIONS = 2;

    private static final int LINGER_MS = 5;

    private final String bootstrapServers;
    private final String topic;
    private final KafkaProducer<String, String> producer;

    private KafkaFeed(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A producer to {@code topic}, which exists already. */
    static KafkaFeed to(String bootstrapServers, String topic) {
        return new KafkaFeed(bootstrapServers, topic);
    }

    @Override
    public Input input() {
        return new KafkaInput(bootstrapServers, topic);
    }

    @Override
    public void send(String line) {
        producer.send(new ProducerRecord<>(topic, line));
    }

    @Override
    public void awaitReader(String label) {
        // the topic keeps what is sent before the query reads it
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
