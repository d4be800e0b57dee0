package streamlab.harness;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
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
 * {@link #events} also a column {@code timestamp} with the event time the test chose. Options:
 * {@link #metric} reads a {@code Dataset.observe} metric of every micro-batch (the result's
 * {@link StreamResult#observed()}); {@link #restartAfter} stops the query after step k and starts it
 * again from its checkpoint, as a restarted program does.
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
    private String metric;
    private int restartAfter;

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

    /** Reads the observed metric {@code name} (the first argument of {@code observe}) of every micro-batch. */
    public StructuredScript metric(String name) {
        this.metric = name;
        return this;
    }

    /** Stops the query after step {@code k} and starts a new one on the same checkpoint for the rest. */
    public StructuredScript restartAfter(int k) {
        this.restartAfter = k;
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
        Input input = input(TestSpark.session());
        if (restartAfter != 0 && (restartAfter < 1 || restartAfter >= input.size())) {
            throw new IllegalArgumentException("restartAfter(" + restartAfter + "): the script has steps 1 to "
                    + input.size() + ", and a restart needs a step after it");
        }
        String runId = UUID.randomUUID().toString();
        Path checkpoint = TestSpark.newDirectory("query-checkpoint-");
        Collector.open(runId);
        StreamingQuery query = null;
        try {
            query = startQuery(wiring, input.frame(), checkpoint, runId);
            Steps steps = new Steps();
            List<String> metricColumns = null;
            long seen = -1;
            for (int k = 1; k <= input.size(); k++) {
                input.add(k - 1);
                query.processAllAvailable();
                List<Object> rows = new ArrayList<>();
                List<Object> metrics = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (Map.Entry<Long, List<Object>> e : Collector.snapshot(runId).tailMap(seen, false).entrySet()) {
                    ids.add(e.getKey());
                    if (lastTableOnly) {
                        rows.clear();
                    }
                    rows.addAll(e.getValue());
                    if (metric != null) {
                        Object read = ObservedMetric.of(query, e.getKey(), metric, title);
                        metrics.add(read);
                        if (read instanceof Row r && r.schema() != null) {
                            metricColumns = List.of(r.schema().fieldNames());
                        }
                    }
                    seen = e.getKey();
                }
                String after = restartAfter > 0 && k > restartAfter ? ", after the restart" : "";
                steps.add("step " + k + " (micro-batch" + (ids.size() == 1 ? " " : "es ") + ids + after + ")",
                        input.describe(k - 1), rows, metrics);
                if (k == restartAfter) {
                    stopQuietly(query);
                    query = startQuery(wiring, input.frame(), checkpoint, runId);
                }
            }
            String restarted = restartAfter > 0 ? ", restarted from the checkpoint after step " + restartAfter : "";
            return steps.result(title + ", " + modeText + restarted,
                    metric == null ? null : "observed metric \"" + metric + "\" of each micro-batch",
                    Collector.columnsOf(runId), metricColumns);
        } catch (Exception e) {
            throw unwrap(e);
        } finally {
            stopQuietly(query);
            Collector.close(runId);
        }
    }

    private static StreamingQuery startQuery(Function<Dataset<Row>, DataStreamWriter<Row>> wiring, Dataset<Row> frame,
                                             Path checkpoint, String runId) throws TimeoutException {
        return wiring.apply(frame)
                .option("checkpointLocation", checkpoint.toString())
                .foreachBatch((Dataset<Row> batch, Long id) -> {
                    Collector.add(runId, id, batch.collectAsList());
                    Collector.columns(runId, batch.columns());
                })
                .start();
    }

    /**
     * What a test should see of a failed run: {@code processAllAvailable} rethrows a failed batch as a
     * StreamingQueryException (undeclared in Java), whose cause is the exercise's own exception.
     */
    private static RuntimeException unwrap(Exception e) {
        Throwable cause = e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new RuntimeException(cause.getMessage(), cause);
    }

    private static void stopQuietly(StreamingQuery query) {
        if (query != null) {
            try {
                query.stop();
            } catch (TimeoutException ignored) {
                // stopping a test query: nothing more to do
            }
        }
    }

    private Input input(SparkSession spark) {
        if (lineBatches != null) {
            MemoryInput<String> in = MemoryInput.of(Encoders.STRING(), spark);
            return new Input(in.toDF(), lineBatches.size(), i -> in.add(lineBatches.get(i)),
                    i -> new ArrayList<>(lineBatches.get(i)));
        }
        MemoryInput<Tuple2<Timestamp, String>> in =
                MemoryInput.of(Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()), spark);
        Dataset<Row> frame = in.toDF().selectExpr("_2 AS value", "_1 AS timestamp");
        return new Input(frame, eventBatches.size(), i -> {
            List<Tuple2<Timestamp, String>> batch = new ArrayList<>();
            for (Event e : eventBatches.get(i)) {
                batch.add(new Tuple2<>(Timestamp.from(e.time()), e.line()));
            }
            in.add(batch);
        }, i -> eventBatches.get(i).stream().map(Event::toString).toList());
    }

    /** The script's input: a streaming DataFrame, and how to add and describe step i's batch. */
    private record Input(Dataset<Row> frame, int size, IntConsumer adder, IntFunction<List<String>> describer) {
        void add(int i) {
            adder.accept(i);
        }

        List<String> describe(int i) {
            return describer.apply(i);
        }
    }
}
