package streamlab.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits until a broker answers an admin request, or explains in one sentence why it does not. */
final class Readiness {

    static final long START_SECONDS = 120;

    private Readiness() {}

    static void await(String bootstrapServers, Process process, Path dataDir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (true) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("The Kafka broker's JVM ended with status " + process.exitValue()
                            + " before it answered: " + lastLines(dataDir));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the Kafka broker started", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The Kafka broker at " + bootstrapServers
                            + " did not answer within " + START_SECONDS + " s: " + lastLines(dataDir));
                }
            }
        }
    }

    /** The end of the broker's output and log, for an error message. */
    private static String lastLines(Path dataDir) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("broker.out", "broker.log")) {
            Path file = dataDir == null ? null : dataDir.resolve(name);
            if (file != null && Files.exists(file)) {
                try {
                    List<String> lines = Files.readAllLines(file);
                    text.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                } catch (IOException e) {
                    text.append("(cannot read ").append(file).append(')');
                }
            }
        }
        return text.length() == 0 ? "no output" : "\n" + text;
    }
}
