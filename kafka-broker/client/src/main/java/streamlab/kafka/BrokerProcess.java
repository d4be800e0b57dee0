package streamlab.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker in a child JVM, started from Maven Central's jars ({@code kafka_2.13}) with
 * {@code streamlab.kafka.server.BrokerMain}. It keeps its address and its data across
 * {@link #stop()}/{@link #kill()} and {@link #start()}, and it stops by itself when this JVM ends.
 */
final class BrokerProcess implements KafkaBroker {

    private static final String CLUSTER_ID = "c3RyZWFtbGFiLWthZmthAA"; // any 16 bytes, base64

    private final Path dataDir;
    private final int port;
    private final Path properties;
    private Process process;

    private BrokerProcess(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.properties = dataDir.resolve("server.properties");
        write(properties, """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=2
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=2
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=2
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(
                        port, controllerPort, dataDir.resolve("logs").toString().replace('\\', '/')));
    }

    static BrokerProcess launch(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker's folder " + dataDir, e);
        }
        int[] ports = portsOfTheLastRun(dataDir.resolve("server.properties"));
        BrokerProcess broker = new BrokerProcess(dataDir, ports[0], ports[1]);
        broker.start();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public String kind() {
        return "jars";
    }

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.logFile=" + dataDir.resolve("broker.log"),
                "-cp",
                classPath(),
                "streamlab.kafka.server.BrokerMain",
                properties.toString(),
                CLUSTER_ID));
        try {
            // standard input stays a pipe from this JVM: when it closes, the broker ends (BrokerMain)
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("broker.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Kafka broker's JVM", e);
        }
        Readiness.await(bootstrapServers(), process, dataDir);
    }

    @Override
    public synchronized void stop() {
        end(false);
    }

    @Override
    public synchronized void kill() {
        end(true);
    }

    @Override
    public synchronized void close() {
        end(true);
        DataFolder.delete(dataDir);
    }

    private void end(boolean hard) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (hard) {
            process.destroyForcibly();
        } else {
            process.destroy(); // SIGTERM: Kafka's own shutdown hook stops it cleanly
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** This jar (or classes folder) of BrokerMain, then the broker's libraries from class-path.txt. */
    private static String classPath() {
        try (InputStream list = BrokerProcess.class.getResourceAsStream("/streamlab/kafka/server/class-path.txt")) {
            if (list == null) {
                throw new IllegalStateException("kafka-broker-server is not on the class path (no class-path.txt)");
            }
            String libraries = new String(list.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path own = Path.of(
                    Class.forName("streamlab.kafka.server.BrokerMain", false, BrokerProcess.class.getClassLoader())
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
            return own + java.io.File.pathSeparator + libraries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("kafka-broker-server is not on the class path", e);
        }
    }

    /**
     * The broker's and the controller's port of the last run in this folder (its server.properties), when
     * both are free: a program started again finds its broker at the address it had (a recovered DStream
     * context holds that address in its checkpoint). Else two free ports.
     */
    private static int[] portsOfTheLastRun(Path properties) {
        if (Files.isRegularFile(properties)) {
            Properties last = new Properties();
            try (Reader in = Files.newBufferedReader(properties)) {
                last.load(in);
                int[] ports = new int[2];
                for (String listener : last.getProperty("listeners", "").split(",")) {
                    URI uri = URI.create(listener.trim());
                    ports["CONTROLLER".equals(uri.getScheme()) ? 1 : 0] = uri.getPort();
                }
                if (free(ports[0]) && free(ports[1])) {
                    return ports;
                }
            } catch (IOException | IllegalArgumentException e) {
                // not a file this class wrote: new ports
            }
        }
        return new int[] {freePort(), freePort()};
    }

    private static boolean free(int port) {
        if (port <= 0) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the Kafka broker", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "Kafka broker (jars) at " + bootstrapServers() + ", data in " + dataDir;
    }
}
