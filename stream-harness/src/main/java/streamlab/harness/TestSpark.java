package streamlab.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import streamlab.support.LabSpark;

/**
 * The one Spark of a test JVM: started once, shared by every test (a new StreamingContext per test
 * runs on it, and so do the Structured queries), stopped when the JVM ends.
 *
 * <p>Its streaming clock is Spark's ManualClock, so DStream batches run only when a test advances it.
 */
public final class TestSpark {

    private static SparkSession session;
    private static Path scratch;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (session != null && session.sparkContext().isStopped()) {
            // a test's code stopped the SparkContext (a StreamingContext stopped with its SparkContext, say):
            // start a new one, so that the tests after it run on a working Spark
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            session = null;
        }
        if (session == null) {
            SparkConf conf = new SparkConf(false)
                    .setMaster("local[2]")
                    .setAppName("streamlab-tests")
                    .set("spark.streaming.clock", "org.apache.spark.util.ManualClock")
                    .set("spark.ui.enabled", "false")
                    .set("spark.ui.showConsoleProgress", "false")
                    .set("spark.sql.shuffle.partitions", "2")
                    // hours and minutes read from a timestamp (hour(), date_format) are the same on every machine
                    .set("spark.sql.session.timeZone", "UTC")
                    .set("spark.default.parallelism", "2")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true")
                    // "Task not serializable" at once: without Spark's module options its serialization
                    // debugger cannot look inside the task and holds the batch for a minute first
                    .set("spark.serializer.extraDebugInfo", "false")
                    .set(
                            "spark.sql.warehouse.dir",
                            scratch().resolve("warehouse").toString())
                    // a test's micro-batches are tiny: compiling Java code for each plan costs more than it saves
                    .set("spark.sql.codegen.wholeStage", "false")
                    .set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            LabSpark.localFilesInJava(conf);
            LabSpark.javaCaseMapping(conf);
            session = SparkSession.builder().config(conf).getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(TestSpark::shutdown, "stop-test-spark"));
        }
        return session;
    }

    public static JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    /** Stops an active StreamingContext and every active query, and cancels running jobs. */
    public static synchronized void stopEverythingRunning() {
        if (session == null || session.sparkContext().isStopped()) {
            return;
        }
        org.apache.spark.streaming.StreamingContext.getActive().foreach(ssc -> {
            ssc.stop(false, false);
            return null;
        });
        for (org.apache.spark.sql.streaming.StreamingQuery q : session.streams().active()) {
            try {
                q.stop();
            } catch (java.util.concurrent.TimeoutException | RuntimeException ignored) {
                // it is being stopped anyway
            }
        }
        session.sparkContext().cancelAllJobs();
    }

    /**
     * Runs every micro-batch the data added so far causes. {@code processAllAvailable()} alone can return
     * too early: a trigger that looked at the sources just before the data arrived may finish after the call
     * began and report "no new data". Only one trigger runs at a time, so once the first call returns that
     * trigger is over, and the second call waits for a look at the sources made after the data arrived.
     */
    public static void processAll(org.apache.spark.sql.streaming.StreamingQuery query) {
        query.processAllAvailable();
        query.processAllAvailable();
    }

    /** A fresh empty directory for one test's checkpoints, deleted when the JVM ends. */
    public static synchronized Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(scratch(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path scratch() {
        if (scratch == null) {
            try {
                scratch = Files.createTempDirectory("streamlab-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }

    private static synchronized void shutdown() {
        if (session != null) {
            session.stop();
        }
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: it is a temporary directory
            }
        }
    }
}
