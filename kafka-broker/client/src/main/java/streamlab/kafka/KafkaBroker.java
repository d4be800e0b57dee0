package streamlab.kafka;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A real Apache Kafka broker (one node, KRaft mode) for the labs: a child JVM started from Maven
 * Central's jars, or a Testcontainers container where a Docker engine answers. Choose with the system
 * property {@code streamlab.kafka} or the environment variable {@code STREAMLAB_KAFKA}: {@code jars},
 * {@code docker} or {@code auto} (the default: Docker when it answers, else the jars).
 */
public interface KafkaBroker extends AutoCloseable {

    /**
     * The system property that gives a test JVM a broker it does not start itself ({@link SharedBroker}
     * uses it): its {@code bootstrap.servers}.
     */
    String ATTACH_PROPERTY = "streamlab.kafka.bootstrap";

    /** The {@code bootstrap.servers} of the broker, e.g. {@code 127.0.0.1:40123}. */
    String bootstrapServers();

    /** Which kind of broker this is: "jars" or "docker". */
    String kind();

    /** Stops the broker cleanly; {@link #start()} brings it back on the same address, with its topics. */
    void stop();

    /** Stops the broker at once, like a crash ({@code kill -9}); {@link #start()} brings it back. */
    void kill();

    /** Starts the broker again after {@link #stop()} or {@link #kill()} and waits until it answers. */
    void start();

    /** Stops the broker and removes what it kept. */
    @Override
    void close();

    /**
     * Starts a broker whose topics and address outlive this program: always the jars kind (a container's
     * data would go with it), its data under {@code dataDir}, on the ports of its last run there when they
     * are free. For a program that is stopped and started again on its checkpoints.
     */
    static KafkaBroker startKept(Path dataDir) {
        return BrokerProcess.launch(dataDir);
    }

    /**
     * Starts a broker of the chosen kind, keeping its data under {@code dataDir}, and waits until it
     * answers.
     */
    static KafkaBroker start(Path dataDir) {
        String choice = System.getProperty("streamlab.kafka", System.getenv().getOrDefault("STREAMLAB_KAFKA", "auto"))
                .toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "jars" -> BrokerProcess.launch(dataDir);
            case "docker" -> DockerBroker.launch();
            case "auto" -> DockerBroker.dockerAnswers() ? DockerBroker.launch() : BrokerProcess.launch(dataDir);
            default ->
                throw new IllegalArgumentException(
                        "streamlab.kafka must be jars, docker or auto, not \"" + choice + "\".");
        };
    }
}
