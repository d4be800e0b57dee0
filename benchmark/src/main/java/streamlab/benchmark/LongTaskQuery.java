package streamlab.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Structured query whose tasks run for a long time and hand on each line as it comes, instead of waiting for the
 * next micro-batch:
 * <ul>
 *   <li>the continuous trigger ({@code Trigger.Continuous}, an epoch of the batch length), socket or Kafka;</li>
 *   <li>real-time mode ({@code Trigger.RealTime}, batches of {@value #REAL_TIME_BATCH}; Kafka only, update mode),
 *       in which a batch's tasks process each record as it arrives until the batch ends.</li>
 * </ul>
 * Neither may aggregate, so neither can count words: the query lower-cases each line (a projection) and hands every
 * line to a foreach sink ({@link LineSink}), which counts the lines and notes each marker as it arrives. Its tasks run
 * one per partition of the source, and each needs a core of its own.
 */
final class LongTaskQuery implements StreamQuery {

    /** How the query runs. */
    enum Mode {
        CONTINUOUS,
        REAL_TIME
    }

    /** Real-time mode's batch: 5 s at least; 10 s as in lab 11. */
    static final String REAL_TIME_BATCH = "10 seconds";

    private final SparkSession spark;
    private final Mode mode;
    private final long epochMillis;
    private final Path checkpoint;
    private StreamingQuery query;
    private long measuredFrom;
    private long linesBefore;

    LongTaskQuery(SparkSession spark, Mode mode, long epochMillis, Path checkpoint) {
        this.spark = spark;
        this.mode = mode;
        this.epochMillis = epochMillis;
        this.checkpoint = checkpoint;
    }

    @Override
    public void start(Input input) throws Exception {
        query = input.lines(spark, false)
                .select(lower(col("value")).as("line"))
                .writeStream()
                .outputMode(mode == Mode.REAL_TIME ? "update" : "append")
                .foreach(new LineSink())
                .option("checkpointLocation", checkpoint.toString())
                .trigger(
                        mode == Mode.REAL_TIME
                                ? Trigger.RealTime(REAL_TIME_BATCH)
                                : Trigger.Continuous(epochMillis, TimeUnit.MILLISECONDS))
                .start();
    }

    @Override
    public double linesPerSecond(long from, long to) {
        return (Markers.sinkLines() - linesBefore) / ((to - measuredFrom) / 1e9);
    }

    @Override
    public void startMeasuring() {
        measuredFrom = System.nanoTime();
        linesBefore = Markers.sinkLines();
    }

    /** No micro-batches to judge: the other rules (lines processed, markers visible, latency) decide. */
    @Override
    public String fallingBehind() {
        if (query != null && query.exception().isDefined()) {
            return "the query failed: "
                    + query.exception().get().getMessage().lines().findFirst().orElse("");
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (query != null) {
                query.stop();
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the " + mode.name().toLowerCase() + " query did not stop", e);
        }
    }
}
