package streamlab.lab12;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.Topics;

/** The Kafka side of Lab 12 around the query: its own broker, and what the output topic holds at the end. */
final class Lab12Kafka {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Lab12Kafka() {}

    /**
     * A broker of the program's own (Kafka from Maven Central's jars in a child JVM), its data and its
     * address kept in {@code dataDir} across runs: a program started again finds its topics where they were.
     */
    static KafkaBroker startBroker(Path dataDir) {
        System.out.println("== starting a Kafka broker, its data in " + dataDir + " ...");
        KafkaBroker broker = KafkaBroker.startKept(dataDir);
        System.out.println("== Kafka broker (" + broker.kind() + ") at " + broker.bootstrapServers());
        return broker;
    }

    /**
     * The broker of the kafka and direct pipelines: the one at {@code bootstrapServers}, or (when null) a broker of the
     * program's own, its data in output/lab12/kafka-broker.
     */
    static Broker broker(String bootstrapServers) {
        if (bootstrapServers != null) {
            return new Broker(bootstrapServers, null);
        }
        KafkaBroker own = startBroker(Path.of("output/lab12/kafka-broker"));
        return new Broker(own.bootstrapServers(), own);
    }

    /** A broker to use: at close, the program's own one is stopped (its data stays for the next run). */
    record Broker(String servers, KafkaBroker own) implements AutoCloseable {
        @Override
        public void close() {
            if (own != null) {
                own.stop(); // its data stays in output/lab12/kafka-broker for the next run
            }
        }
    }

    /**
     * The alerts of the output topic, and those that came more than once: the same input record
     * ({@code from}: topic/partition/offset) written twice by a micro-batch that ran again.
     */
    static void reportDuplicates(String servers, String topic) {
        Map<String, Integer> times = new LinkedHashMap<>();
        int records = 0;
        for (ConsumerRecord<String, String> r : new Topics(servers).readAll(topic)) {
            records++;
            times.merge(from(r.value()), 1, Integer::sum);
        }
        long twice = times.values().stream().filter(n -> n > 1).count();
        System.out.println("== " + topic + " holds " + records + " alerts for " + times.size() + " HIGH events; "
                + (twice == 0
                        ? "none came twice"
                        : twice + " came more than once (a micro-batch ran again after a" + " crash: at least once)"));
        times.forEach((from, n) -> {
            if (n > 1) {
                System.out.println("==   " + from + " x" + n);
            }
        });
    }

    private static String from(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            return node.hasNonNull("from") ? node.get("from").asText() : value;
        } catch (Exception e) {
            return value;
        }
    }
}
