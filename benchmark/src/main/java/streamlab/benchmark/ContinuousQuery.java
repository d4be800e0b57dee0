package streamlab.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * The Structured query on the continuous trigger ({@code Trigger.Continuous}, an epoch of the batch length). It may
 * only map and filter (no aggregation), so it cannot count words: it lower-cases each line (a projection) and hands
 * every line to a foreach sink, which counts the lines and notes each marker as it arrives. Its tasks run for the
 * whole query, one per partition of the socket source, and each needs a core of its own.
 */
final class ContinuousQuery implements StreamQuery {

    private final SparkSession spark;
    private final long epochMillis;
    private final Path checkpoint;
    private StreamingQuery query;
    private long measuredFrom;
    private long linesBefore;

    ContinuousQuery(SparkSession spark, long epochMillis, Path checkpoint) {
        this.spark = spark;
        this.epochMillis = epochMillis;
        this.checkpoint = checkpoint;
    }

    @Override
    public void start(String host, int port) throws Exception {
        query = spark.readStream()
                .format("socket")
                .option("host", host)
                .option("port", port)
                .load()
                .select(lower(col("value")).as("line"))
                .writeStream()
                .foreach(new LineSink())
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.Continuous(epochMillis, TimeUnit.MILLISECONDS))
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

    /** No batches to judge: the other rules (lines processed, markers visible, latency) decide. */
    @Override
    public String fallingBehind() {
        return null;
    }

    @Override
    public void close() {
        try {
            if (query != null) {
                query.stop();
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the continuous query did not stop", e);
        }
    }

    /** The foreach sink, in the tasks: every line to the {@link Markers} board. */
    private static final class LineSink extends ForeachWriter<Row> {
        @Override
        public boolean open(long partitionId, long epochId) {
            return true;
        }

        @Override
        public void process(Row row) {
            Markers.sinkLine(row.getString(0));
        }

        @Override
        public void close(Throwable error) {}
    }
}
