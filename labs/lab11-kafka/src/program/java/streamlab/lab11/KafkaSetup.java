package streamlab.lab11;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.ClientDnsLookup;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.TopicExistsException;
import streamlab.kafka.KafkaBroker;
import streamlab.support.LabUsageException;

/**
 * The Kafka the program works with (given code): the brokers at {@code --bootstrap-servers}, checked before
 * Spark starts, or a broker it starts itself under a temporary folder, which it stops and removes at the
 * end, also after Ctrl-C. It makes the topics that are missing and feeds the input topic.
 */
final class KafkaSetup implements AutoCloseable {

    /** Partitions of the topics the program makes. */
    static final int PARTITIONS = 2;

    /** How long a broker given with --bootstrap-servers has to answer (a connection, then Kafka's answer). */
    static final int ANSWER_SECONDS = 5;

    private final String bootstrapServers;
    private final KafkaBroker ownBroker;
    private final Thread removeOnExit;
    private LineFeeder feeder;

    private KafkaSetup(String bootstrapServers, KafkaBroker ownBroker) {
        this.bootstrapServers = bootstrapServers;
        this.ownBroker = ownBroker;
        this.removeOnExit = ownBroker == null ? null : new Thread(ownBroker::close, "stop the lab's Kafka broker");
        if (removeOnExit != null) {
            Runtime.getRuntime().addShutdownHook(removeOnExit); // Ctrl-C: no broker, no folder left behind
        }
    }

    /**
     * The brokers at {@code bootstrapServers}, if one answers: a TCP connection first (nothing listening is
     * known at once), then Kafka's own answer within {@value #ANSWER_SECONDS} s.
     */
    static KafkaSetup connect(String bootstrapServers) {
        List<InetSocketAddress> addresses;
        try {
            addresses = ClientUtils.parseAndValidateAddresses(
                    List.of(bootstrapServers.split(",")), ClientDnsLookup.USE_ALL_DNS_IPS);
        } catch (ConfigException e) {
            throw e.getMessage().startsWith("No resolvable")
                    ? noBroker(bootstrapServers, "no such host")
                    : new LabUsageException("--bootstrap-servers " + bootstrapServers + " is not a list of HOST:PORT"
                            + " addresses (" + e.getMessage() + ").");
        }
        if (addresses.stream().noneMatch(KafkaSetup::listens)) {
            throw noBroker(bootstrapServers, "nothing listens there");
        }
        try (Admin admin = admin(bootstrapServers)) {
            admin.describeCluster().nodes().get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw noBroker(
                    bootstrapServers,
                    "something listens there, but gave no Kafka answer within " + ANSWER_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUsageException("Interrupted while asking " + bootstrapServers + " for its brokers.");
        }
        System.out.println("== Kafka at " + bootstrapServers);
        return new KafkaSetup(bootstrapServers, null);
    }

    private static LabUsageException noBroker(String bootstrapServers, String why) {
        return new LabUsageException("No Kafka broker answers at " + bootstrapServers + " (" + why + "): start one"
                + " there, or leave out --bootstrap-servers and the lab starts its own (Spark would wait about three"
                + " minutes before its query failed with \"Timed out waiting for a node assignment\").");
    }

    /** Whether {@code address} takes a TCP connection within {@value #ANSWER_SECONDS} s. */
    private static boolean listens(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, ANSWER_SECONDS * 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A broker of its own (a JVM started from Maven's Kafka jars, or Docker where it answers), in a temporary folder. */
    static KafkaSetup startOwn() {
        System.out.println("== starting a Kafka broker of the lab's own (no --bootstrap-servers) ...");
        Path folder;
        try {
            folder = Files.createTempDirectory("lab11-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a folder for the Kafka broker", e);
        }
        KafkaBroker broker = KafkaBroker.start(folder);
        System.out.println("== Kafka broker (" + broker.kind() + ") at " + broker.bootstrapServers() + ", its data in "
                + folder + " (removed at the end)");
        return new KafkaSetup(broker.bootstrapServers(), broker);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether the program started this broker (a new, empty one every run). */
    boolean ownBroker() {
        return ownBroker != null;
    }

    /** Makes the topics that do not exist yet, with {@value #PARTITIONS} partitions each. */
    void makeTopics(List<String> topics) {
        try (Admin admin = admin(bootstrapServers)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS);
                    System.out.println("== made topic " + topic + " (" + PARTITIONS + " partitions)");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new LabUsageException("Cannot make topic " + topic + " at " + bootstrapServers + ": "
                                + e.getCause().getMessage());
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new LabUsageException("The broker at " + bootstrapServers + " did not make the topics within 30 s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUsageException("Interrupted while making topics.");
        }
    }

    /** How many partitions {@code topic} has. */
    int partitions(String topic) {
        try (Admin admin = admin(bootstrapServers)) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .size();
        } catch (TimeoutException | ExecutionException e) {
            throw new LabUsageException(
                    "Cannot describe topic " + topic + " at " + bootstrapServers + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabUsageException("Interrupted while describing topic " + topic + ".");
        }
    }

    /** Starts feeding the lines of {@code file} into {@code topic}. */
    void feed(Path file, String topic, double rate, boolean loop) {
        feeder = LineFeeder.start(file, bootstrapServers, topic, partitions(topic), rate, loop);
    }

    /** Stops the feeding and the broker of its own, and removes the broker's folder. */
    @Override
    public void close() {
        if (feeder != null) {
            feeder.close();
        }
        if (ownBroker != null) {
            ownBroker.close();
            try {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs anyway
            }
        }
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ANSWER_SECONDS * 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ANSWER_SECONDS * 1000));
    }
}
