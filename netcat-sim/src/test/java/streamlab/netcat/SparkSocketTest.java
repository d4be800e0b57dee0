package streamlab.netcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.StorageLevels;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;

/** The reason this server exists: a DStream receiver and a Structured socket source on one port both get every line. */
class SparkSocketTest {

    private static final int LINES = 5000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Lines seen by each side; the Spark callbacks run on the driver, in this JVM. */
    private static final Received DSTREAM = new Received();

    private static final Received STRUCTURED = new Received();

    @Test
    void aDStreamReceiverAndAStructuredSocketSourceBothReceiveEveryLine() throws Exception {
        SparkSession spark = SparkSession.builder()
                .master("local[3]")
                .appName("netcat-sim-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        JavaStreamingContext ssc = new JavaStreamingContext(
                JavaSparkContext.fromSparkContext(spark.sparkContext()), Durations.milliseconds(200));
        StreamingQuery query = null;
        try (NetcatServer server = NetcatServer.start("127.0.0.1", 0, true)) {
            ssc.socketTextStream("127.0.0.1", server.port(), StorageLevels.MEMORY_AND_DISK_SER)
                    .foreachRDD(rdd -> DSTREAM.add(rdd.collect()));
            ssc.start();

            Dataset<String> lines = spark.readStream()
                    .format("socket")
                    .option("host", "127.0.0.1")
                    .option("port", server.port())
                    .load()
                    .as(Encoders.STRING());
            query = lines.writeStream()
                    .foreachBatch((Dataset<String> batch, Long id) -> STRUCTURED.add(batch.collectAsList()))
                    .start();

            assertThat(server.awaitClients(2, TIMEOUT))
                    .as("both Spark sources connected")
                    .isTrue();
            List<String> sent =
                    IntStream.range(0, LINES).mapToObj(i -> "line " + i).toList();
            sent.forEach(server::send);

            assertThat(DSTREAM.awaitSize(LINES, TIMEOUT))
                    .as("DStream got %d lines", DSTREAM.size())
                    .isTrue();
            assertThat(STRUCTURED.awaitSize(LINES, TIMEOUT))
                    .as("Structured got %d lines", STRUCTURED.size())
                    .isTrue();
            assertThat(DSTREAM.lines()).containsExactlyElementsOf(sent);
            // The Structured socket source deals each micro-batch out over the partitions in turn, so a batch
            // collects as 0, 3, 6, ..., 1, 4, 7, ...: every line once, but not in the order sent.
            assertThat(STRUCTURED.lines()).containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            ssc.stop(false, false);
            if (query != null) {
                query.stop();
            }
            spark.stop();
        }
    }

    /** Lines collected from Spark callbacks; a test can wait until enough arrived. */
    static final class Received {
        private final List<String> lines = new ArrayList<>();

        synchronized void add(List<String> batch) {
            lines.addAll(batch);
            notifyAll();
        }

        synchronized int size() {
            return lines.size();
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        synchronized boolean awaitSize(int n, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lines.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
