package streamlab.kafka;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker in Docker (Testcontainers' {@code KafkaContainer}, the apache/kafka image of the same
 * version as the client). Its port on this machine is fixed when it is created, so that a stopped or
 * killed container comes back on the same address.
 */
final class DockerBroker implements KafkaBroker {

    static final String IMAGE = "apache/kafka:3.9.2";
    private static final int KAFKA_PORT = 9092;

    private final KafkaContainer container;

    private DockerBroker(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static DockerBroker launch() {
        int hostPort = freePort();
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "2")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withPortBindings(List.of(
                                new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(KAFKA_PORT)))));
        container.start();
        return new DockerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String kind() {
        return "docker";
    }

    @Override
    public void stop() {
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void kill() {
        container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start() {
        container
                .getDockerClient()
                .startContainerCmd(container.getContainerId())
                .exec();
        Readiness.await(bootstrapServers(), null, null);
    }

    @Override
    public void close() {
        container.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the Kafka container", e);
        }
    }

    @Override
    public String toString() {
        return "Kafka broker (docker, " + IMAGE + ") at " + bootstrapServers();
    }
}
