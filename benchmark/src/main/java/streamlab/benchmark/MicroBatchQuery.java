package streamlab.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.window;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
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
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import streamlab.support.Tokens;

/**
 * The Structured Streaming queries, in micro-batches on a {@code ProcessingTime} trigger as long as the DStream batch:
 * the socket or the Kafka source and
 * <ul>
 *   <li>stateless: the word counts of each micro-batch, computed in {@code foreachBatch} (a {@code groupBy().count()}
 *       on the stream itself would count the whole stream, with state: not what a DStream's batch count does);</li>
 *   <li>windowed: {@code groupBy(window(timestamp, "10 seconds", "2 seconds"), word).count()} on the time each line
 *       was read, with a watermark of 2 s that lets old windows go, in update mode: each micro-batch writes the
 *       windows it changed; its state store's rows and memory are noted after every micro-batch;</li>
 *   <li>map only: each line lower-cased and handed to a foreach sink ({@link LineSink}), the query that the
 *       continuous trigger and real-time mode run too ({@link LongTaskQuery}).</li>
 * </ul>
 * The first two collect their rows to the driver in {@code foreachBatch}: that is when a marker's count becomes
 * visible; for the map-only query, when its line reaches the sink.
 */
final class MicroBatchQuery implements StreamQuery {

    /** What the query does with the lines. */
    enum Shape {
        COUNTS,
        WINDOWED,
        MAP_ONLY
    }

    private static final long FINISH_WAIT_MILLIS = 5000;

    private final SparkSession spark;
    private final Shape shape;
    private final long batchMillis;
    private final Path checkpoint;
    private final String name;
    private final AtomicLong lines = new AtomicLong();
    private final LineCounts counts = new LineCounts();
    private final List<Long> measuredDurations = new CopyOnWriteArrayList<>();
    private final List<StateSample> state = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener();
    private final long started = System.nanoTime();
    private volatile boolean measuring;
    private StreamingQuery query;

    MicroBatchQuery(SparkSession spark, Shape shape, long batchMillis, Path checkpoint, String name) {
        this.spark = spark;
        this.shape = shape;
        this.batchMillis = batchMillis;
        this.checkpoint = checkpoint;
        this.name = name;
    }

    @Override
    public void start(Input input) throws Exception {
        Dataset<Row> lines = input.lines(spark, shape == Shape.WINDOWED);
        DataStreamWriter<Row> writer = switch (shape) {
            case COUNTS ->
                lines.writeStream().foreachBatch((VoidFunction2<Dataset<Row>, Long>)
                        (batch, id) -> show(Tokens.words(batch).groupBy("word").count()));
            case WINDOWED ->
                windowCounts(lines).writeStream().outputMode("update").foreachBatch((VoidFunction2<Dataset<Row>, Long>)
                        (batch, id) -> show(batch));
            case MAP_ONLY ->
                lines.select(lower(col("value")).as("line")).writeStream().foreach(new LineSink());
        };
        spark.streams().addListener(listener);
        query = writer.queryName(name)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(batchMillis, TimeUnit.MILLISECONDS))
                .start();
    }

    private static Dataset<Row> windowCounts(Dataset<Row> lines) {
        return Tokens.words(lines.withWatermark("timestamp", "2 seconds"))
                .groupBy(
                        window(col("timestamp"), Series.WINDOW_SECONDS + " seconds", Series.SLIDE_SECONDS + " seconds"),
                        col("word"))
                .count();
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

    @Override
    public List<StateSample> state() {
        return state;
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

    /**
     * Notes the input rows of this query's micro-batches, how long those of the measured period took, and the state
     * its operators keep.
     */
    private final class ProgressListener extends StreamingQueryListener {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            StreamingQueryProgress progress = event.progress();
            if (!name.equals(progress.name()) || progress.numInputRows() == 0) {
                return; // another query's, or a batch without new lines (it only moves the watermark)
            }
            // the micro-batch's start (its trigger's time, in ms of the wall clock) on this JVM's nanoTime clock
            long sinceStart = System.currentTimeMillis()
                    - Instant.parse(progress.timestamp()).toEpochMilli();
            counts.finished(
                    System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(sinceStart),
                    lines.addAndGet(progress.numInputRows()));
            StateOperatorProgress[] operators = progress.stateOperators();
            if (operators.length > 0) {
                state.add(new StateSample(
                        (System.nanoTime() - started) / 1e9,
                        Arrays.stream(operators)
                                .mapToLong(StateOperatorProgress::numRowsTotal)
                                .sum(),
                        Arrays.stream(operators)
                                .mapToLong(StateOperatorProgress::memoryUsedBytes)
                                .sum()));
            }
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
