package streamlab.lab11;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The settings of the direct stream's Kafka consumer (given code). */
final class ConsumerSettings {

    private ConsumerSettings() {}

    /** The direct stream's consumer: String keys and values, a group, no automatic commits (you commit). */
    static Map<String, Object> of(String servers, String group, String from) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                from,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
    }
}
