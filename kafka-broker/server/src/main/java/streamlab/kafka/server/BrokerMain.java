package streamlab.kafka.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.utils.Exit;

/**
 * The main class of the broker's JVM: formats the log folder the first time (KRaft's
 * {@code kafka-storage format}), then runs Apache Kafka's own {@code kafka.Kafka} with the given
 * properties file.
 *
 * <p>The JVM that started it keeps this JVM's standard input open. When that pipe closes (the parent
 * stopped, or was killed with {@code kill -9}), the broker shuts down too: nothing is left running.
 *
 * <pre>java -cp &lt;class-path.txt&gt; streamlab.kafka.server.BrokerMain server.properties CLUSTER_ID</pre>
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain server.properties CLUSTER_ID");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[1];
        exitWhenParentGoes();
        if (!formatted(properties)) {
            format(properties, clusterId);
        }
        kafka.Kafka.main(new String[] {properties});
    }

    /** The broker's log folder holds a meta.properties once it has been formatted. */
    private static boolean formatted(String properties) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = Files.newInputStream(Path.of(properties))) {
            p.load(in);
        }
        return Files.exists(Path.of(p.getProperty("log.dirs"), "meta.properties"));
    }

    /** Runs Kafka's StorageTool in this JVM; it ends with Exit.exit, which is turned into a return. */
    private static void format(String properties, String clusterId) {
        Exit.setExitProcedure((status, message) -> {
            throw new FormatEnded(status, message);
        });
        try {
            kafka.tools.StorageTool.main(
                    new String[] {"format", "-t", clusterId, "-c", properties, "--ignore-formatted"});
        } catch (FormatEnded ended) {
            if (ended.status != 0) {
                System.err.println(
                        "Formatting the broker's log folder failed (" + ended.status + "): " + ended.getMessage());
                System.exit(1);
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(
                () -> {
                    try {
                        while (System.in.read() != -1) {
                            // the parent writes nothing; read() returns -1 when its end of the pipe closes
                        }
                    } catch (IOException ignored) {
                        // a broken pipe means the same
                    }
                    System.exit(0);
                },
                "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static final class FormatEnded extends RuntimeException {
        final int status;

        FormatEnded(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
