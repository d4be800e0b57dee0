package streamlab.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import streamlab.support.Tokens;

/**
 * The Structured Streaming queries, in micro-batches on a {@code ProcessingTime} trigger as long as the DStream batch:
 * the socket source and
 * <ul>
 *   <li>stateless: the word counts of each micro-batch, computed in {@code foreachBatch} (a {@code groupBy().count()}
 *       on the stream itself would count the whole stream, with state: not what a DStream's batch count does);</li>
 *   <li>windowed: {@code groupBy(window(timestamp, "10 seconds", "2 seconds"), word).count()} on the time each line
 *       was read, with a watermark of 2 s that lets old windows go, in update mode: each micro-batch writes the
 *       windows it changed.</li>
 * </ul>
 * Both collect their rows to the driver in {@code foreachBatch}: that is when a marker's count becomes visible.
 */
final class MicroBatchQuery implements StreamQuery {

    private static final long FINISH_WAIT_MILLIS = 5000;

    private final SparkSession spark;
    private final boolean windowed;
    private final long batchMillis;
    private final Path checkpoint;
    private final String name;
    private final AtomicLong lines = new AtomicLong();
    private final LineCounts counts = new LineCounts();
    private final List<Long> measuredDurations = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener();
    private volatile boolean measuring;
    private StreamingQuery query;

    MicroBatchQuery(SparkSession spark, boolean windowed, long batchMillis, Path checkpoint, String name) {
        this.spark = spark;
        this.windowed = windowed;
        this.batchMillis = batchMillis;
        this.checkpoint = checkpoint;
        this.name = name;
    }

    @Override
    public void start(String host, int port) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", host)
                .option("port", port)
                .option("includeTimestamp", windowed) // a column timestamp: when the line was read
                .load();
        DataStreamWriter<Row> writer;
        if (windowed) {
            Dataset<Row> counts = Tokens.words(lines.withWatermark("timestamp", "2 seconds"))
                    .groupBy(
                            window(
                                    col("timestamp"),
                                    Series.WINDOW_SECONDS + " seconds",
                                    Series.SLIDE_SECONDS + " seconds"),
                            col("word"))
                    .count();
            writer = counts.writeStream().outputMode("update").foreachBatch((VoidFunction2<Dataset<Row>, Long>)
                    (batch, id) -> show(batch));
        } else {
            writer = lines.writeStream().foreachBatch((VoidFunction2<Dataset<Row>, Long>)
                    (batch, id) -> show(Tokens.words(batch).groupBy("word").count()));
        }
        spark.streams().addListener(listener);
        query = writer.queryName(name)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(batchMillis, TimeUnit.MILLISECONDS))
                .start();
    }

    /** Collects a batch's counts (every row: nothing is left for the optimizer to skip) and notes its markers. */
    private static void show(Dataset<Row> counts) {
        Markers.visible(counts.collectAsList().stream()
                .map(row -> row.<String>getAs("word"))
                .toList());
    }

    @Override
    public double linesPerSecond(long from, long to) {
        return counts.perSecond(from, to);
    }

    @Override
    public void startMeasuring() {
        measuring = true;
    }

    @Override
    public String fallingBehind() {
        if (measuredDurations.isEmpty()) {
            return "no micro-batch finished in the measured period";
        }
        long median = measuredDurations.stream().sorted().toList().get(measuredDurations.size() / 2);
        if (median > batchMillis) {
            return String.format(
                    Locale.ROOT, "micro-batches take %.1f s (median), longer than the trigger", median / 1000.0);
        }
        return null;
    }

    /**
     * Stops the query, after letting the micro-batch under way finish (for at most {@value #FINISH_WAIT_MILLIS} ms):
     * the lines have stopped coming, so no new one starts, and a micro-batch that is interrupted logs errors.
     */
    @Override
    public void close() {
        try {
            if (query != null) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FINISH_WAIT_MILLIS);
                while (query.status().isTriggerActive() && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                query.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the query " + name + " did not stop", e);
        } finally {
            spark.streams().removeListener(listener);
        }
    }

    /** Notes the input rows of this query's micro-batches, and how long those of the measured period took. */
    private final class ProgressListener extends StreamingQueryListener {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress progress = event.progress();
            if (!name.equals(progress.name()) || progress.numInputRows() == 0) {
                return; // another query's, or a batch without new lines (it only moves the watermark)
            }
            counts.finished(lines.addAndGet(progress.numInputRows()));
            Long took = progress.durationMs().get("triggerExecution");
            if (measuring && took != null) {
                measuredDurations.add(took);
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }
}
