package streamlab.harness;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import scala.Tuple2;

/**
 * Runs a Structured Streaming exercise step by step on a MemoryStream: step k adds batch k of the
 * script and calls {@code processAllAvailable()}, which runs every micro-batch that input causes (and
 * the no-data batch that closes windows behind the watermark). What each micro-batch writes is caught
 * by a {@code foreachBatch} sink, so the test sees exactly what an output mode sends out.
 *
 * <pre>{@code
 * StructuredScript.lines(List.of("hello world"), List.of("hello"))
 *     .outputMode("complete")
 *     .run(WordCountStructured::wordCounts)
 *     .assertLast(rows(row("hello", 2), row("world", 1)));
 * }</pre>
 *
 * <p>The input DataFrame has the socket source's schema: a column {@code value} with the line, and for
 * {@link #events} also a column {@code timestamp} with the event time the test chose.
 */
public final class StructuredScript {

    /** A line with the event time it carries, as {@code socket} with includeTimestamp gives it. */
    public record Event(Instant time, String line) {
        @Override
        public String toString() {
            return line + " @" + Rows.render(List.of(time)).replaceAll("[()]", "");
        }
    }

    private final List<List<String>> lineBatches;
    private final List<List<Event>> eventBatches;
    private String outputMode = "append";
    private String title = "Structured run";

    private StructuredScript(List<List<String>> lineBatches, List<List<Event>> eventBatches) {
        this.lineBatches = lineBatches;
        this.eventBatches = eventBatches;
    }

    /** A script of text lines: each argument is one batch of input (column {@code value}). */
    @SafeVarargs
    public static StructuredScript lines(List<String>... batches) {
        return new StructuredScript(new ArrayList<>(Arrays.asList(batches)), null);
    }

    /** A script of lines given as a list of batches. */
    public static StructuredScript linesFrom(List<List<String>> batches) {
        return new StructuredScript(new ArrayList<>(batches), null);
    }

    /** A script of timestamped lines (columns {@code value}, {@code timestamp}). */
    @SafeVarargs
    public static StructuredScript events(List<Event>... batches) {
        return new StructuredScript(null, new ArrayList<>(Arrays.asList(batches)));
    }

    /** One timestamped line: {@code event(at(3), "hello")}. */
    public static Event event(Instant time, String line) {
        return new Event(time, line);
    }

    /** append (default), update or complete. */
    public StructuredScript outputMode(String mode) {
        this.outputMode = mode;
        return this;
    }

    public StructuredScript title(String title) {
        this.title = title;
        return this;
    }

    /** Runs the exercise; step k's rows are all the rows its micro-batches wrote (complete: the last table). */
    public StreamResult run(Function<Dataset<Row>, Dataset<Row>> exercise) {
        return start(in -> {
            Dataset<Row> output = exercise.apply(in);
            if (output == null) {
                throw new AssertionError("the exercise returned null instead of a Dataset");
            }
            return output.writeStream().outputMode(outputMode);
        }, outputMode.equals("complete"), "output mode " + outputMode);
    }

    /**
     * Runs an exercise that chooses its own output mode (and maybe options) and returns the writer; the
     * harness replaces its sink with one that records every micro-batch. Step k's rows are all the rows
     * its micro-batches wrote.
     */
    public StreamResult runWriter(Function<Dataset<Row>, DataStreamWriter<Row>> exercise) {
        return start(in -> {
            DataStreamWriter<Row> writer = exercise.apply(in);
            if (writer == null) {
                throw new AssertionError("the exercise returned null instead of a DataStreamWriter");
            }
            return writer;
        }, false, "output mode chosen by the exercise");
    }

    private StreamResult start(Function<Dataset<Row>, DataStreamWriter<Row>> wiring, boolean lastTableOnly,
                               String modeText) {
        SparkSession spark = TestSpark.session();
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        StreamingQuery query = null;
        try {
            Feeder feeder = feeder(spark);
            query = wiring.apply(feeder.frame())
                    .option("checkpointLocation", TestSpark.newDirectory("query-checkpoint-").toString())
                    .foreachBatch((Dataset<Row> batch, Long id) -> Collector.add(runId, id, batch.collectAsList()))
                    .start();
            List<StreamResult.Step> steps = new ArrayList<>();
            long seen = -1;
            for (int k = 1; k <= feeder.size(); k++) {
                feeder.add(k - 1);
                query.processAllAvailable();
                TreeMap<Long, List<Object>> all = Collector.snapshot(runId);
                List<List<Object>> rows = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (Map.Entry<Long, List<Object>> e : all.tailMap(seen, false).entrySet()) {
                    ids.add(e.getKey());
                    if (lastTableOnly) {
                        rows.clear();
                    }
                    for (Object r : e.getValue()) {
                        rows.add(Rows.asRow(r));
                    }
                    seen = e.getKey();
                }
                steps.add(new StreamResult.Step("step " + k + " (micro-batch" + (ids.size() == 1 ? " " : "es ")
                        + ids + ")", feeder.describe(k - 1), rows));
            }
            return new StreamResult(title + ", " + modeText + ":", steps);
        } catch (Exception e) {
            throw StructuredScript.unwrap(e);
        } finally {
            StructuredScript.stopQuietly(query);
            Collector.close(runId);
        }
    }

    /**
     * What a test should see of a failed run: {@code processAllAvailable} rethrows a failed batch as a
     * StreamingQueryException (undeclared in Java), whose cause is the exercise's own exception.
     */
    static RuntimeException unwrap(Exception e) {
        Throwable cause = e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new RuntimeException(cause.getMessage(), cause);
    }

    static void stopQuietly(StreamingQuery query) {
        if (query != null) {
            try {
                query.stop();
            } catch (TimeoutException ignored) {
                // stopping a test query: nothing more to do
            }
        }
    }

    private Feeder feeder(SparkSession spark) {
        if (lineBatches != null) {
            MemoryInput<String> in = MemoryInput.of(Encoders.STRING(), spark);
            return new Feeder(in.toDF(), lineBatches.size(), i -> in.add(lineBatches.get(i)),
                    i -> new ArrayList<>(lineBatches.get(i)));
        }
        MemoryInput<Tuple2<Timestamp, String>> in =
                MemoryInput.of(Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()), spark);
        Dataset<Row> frame = in.toDF().selectExpr("_2 AS value", "_1 AS timestamp");
        return new Feeder(frame, eventBatches.size(), i -> {
            List<Tuple2<Timestamp, String>> batch = new ArrayList<>();
            for (Event e : eventBatches.get(i)) {
                batch.add(new Tuple2<>(Timestamp.from(e.time()), e.line()));
            }
            in.add(batch);
        }, i -> eventBatches.get(i).stream().map(Event::toString).toList());
    }

    private record Feeder(Dataset<Row> frame, int size,
                          java.util.function.IntConsumer adder, java.util.function.IntFunction<List<String>> describer) {
        void add(int i) {
            adder.accept(i);
        }

        List<String> describe(int i) {
            return describer.apply(i);
        }
    }
}
