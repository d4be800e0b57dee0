package streamlab.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine, as {@code sbin/start-master.sh} and
 * {@code sbin/start-worker.sh} would start it: a Master and one Worker, each its own JVM, on loopback and
 * on free ports; the Worker starts each application's executors as JVMs of their own. Drivers are
 * started with spark-submit's own entry point, in client mode. Closing it stops every one of them.
 */
@SuppressWarnings("try") // close() waits for its JVMs to end and lets an interrupt through instead of swallowing it
final class StandaloneCluster implements AutoCloseable {

    /** How long a Master, a Worker or a driver may take to do what is waited for; generous for 2 busy cores. */
    static final Duration WAIT = Duration.ofMinutes(3);

    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");

    private final Path home;
    private final Path logs;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final List<ChildJvm> started = new ArrayList<>();
    private String masterUrl;
    private ChildJvm worker;

    private StandaloneCluster(Path home, Path logs, List<String> jvmOptions) {
        this.home = home;
        this.logs = logs;
        this.jvmOptions = jvmOptions;
        this.env = Map.of(
                "SPARK_HOME",
                home.toString(),
                "SPARK_SCALA_VERSION",
                "2.13",
                "SPARK_LOCAL_IP",
                "127.0.0.1",
                // executors run on the Worker's JAVA_HOME: the JDK of this test, not whatever else is installed
                "JAVA_HOME",
                System.getProperty("java.home"));
    }

    /**
     * Starts a Master, then a Worker with {@code cores} cores and {@code memory} (e.g. "1g") for
     * executors, and waits until the Worker has registered with the Master.
     *
     * @param jvmOptions options for every JVM of the cluster (Spark's Java 17 module options)
     */
    static StandaloneCluster start(Path home, Path logs, List<String> jvmOptions, int cores, String memory)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(home, logs, jvmOptions);
        try {
            cluster.startMaster();
            cluster.startWorker(cores, memory);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        ChildJvm master = startJvm(
                "master",
                "512m",
                "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"));
        masterUrl = master.awaitLine(MASTER_URL, WAIT).group(1);
        master.awaitLine(Pattern.compile("I have been elected leader"), WAIT);
    }

    private void startWorker(int cores, String memory) throws IOException, InterruptedException {
        worker = startJvm(
                "worker",
                "512m",
                "org.apache.spark.deploy.worker.Worker",
                List.of(
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0",
                        "--webui-port",
                        "0",
                        "--cores",
                        String.valueOf(cores),
                        "--memory",
                        memory,
                        "--work-dir",
                        logs.resolve("worker-work").toString(),
                        masterUrl));
        worker.awaitLine(Pattern.compile("Successfully registered with master"), WAIT);
    }

    /** The Master's address, {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return masterUrl;
    }

    /** The Worker's JVM (its log says which executors it launched). */
    ChildJvm worker() {
        return worker;
    }

    /**
     * Runs {@code spark-submit --master URL --deploy-mode client ARGS} (through SparkSubmit's main, as the
     * {@code spark-submit} script does): the driver is the returned JVM, its executors run on the Worker.
     */
    ChildJvm submit(String name, String driverMemory, List<String> args) throws IOException {
        List<String> submitArgs = new ArrayList<>(List.of("--master", masterUrl, "--deploy-mode", "client"));
        submitArgs.addAll(args);
        return startJvm(name, driverMemory, "org.apache.spark.deploy.SparkSubmit", submitArgs);
    }

    private ChildJvm startJvm(String name, String memory, String mainClass, List<String> args) throws IOException {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xmx" + memory);
        ChildJvm jvm = ChildJvm.start(name, options, SparkHome.classPath(home), mainClass, args, env, logs);
        started.add(jvm);
        return jvm;
    }

    /** Stops the drivers, then the Worker (and its executors), then the Master. */
    @Override
    public void close() throws InterruptedException {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
