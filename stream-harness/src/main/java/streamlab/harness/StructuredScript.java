package streamlab.harness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * Runs a Structured Streaming exercise step by step: step k adds batch k of the script (to a memory
 * stream, or does what a step of the test's own source says: write a file, say) and calls
 * {@code processAllAvailable()}, which runs every micro-batch that input causes (and the no-data batch
 * that closes windows behind the watermark). What each micro-batch writes is caught by a
 * {@code foreachBatch} sink, so the test sees exactly what an output mode sends out.
 *
 * <pre>{@code
 * StructuredScript.lines(List.of("hello world"), List.of("hello"))
 *     .outputMode("complete")
 *     .run(WordCountStructured::wordCounts)
 *     .assertLast(rows(row("hello", 2), row("world", 1)));
 * }</pre>
 *
 * <p>The input DataFrame has the socket source's schema: a column {@code value} with the line, and for
 * {@link #events} also a column {@code timestamp} with the event time the test chose; {@link #from}
 * takes any streaming source. Options: {@link #metric} reads a {@code Dataset.observe} metric of every
 * micro-batch and {@link #probe} reads anything of the query after every step (the result's
 * {@link StreamResult#observed()}); {@link #restartAfter} stops the query after step k and starts it
 * again from its checkpoint, as a restarted program does; {@link #restartEachStep} starts a query for
 * every step (what a query with the AvailableNow trigger is made for).
 */
public final class StructuredScript {

    /** A line with the event time it carries, as {@code socket} with includeTimestamp gives it. */
    public record Event(Instant time, String line) {
        @Override
        public String toString() {
            return line + " @" + Rows.render(List.of(time)).replaceAll("[()]", "");
        }
    }

    private final Function<SparkSession, StructuredInput> input;
    private final List<StructuredInput.Action> actions;
    private String outputMode = "append";
    private String title = "Structured run";
    private String metric;
    private String probeName;
    private Function<StreamingQuery, Object> probe;
    private int restartAfter;
    private boolean restartEachStep;

    private StructuredScript(Function<SparkSession, StructuredInput> input, List<StructuredInput.Action> actions) {
        this.input = input;
        this.actions = actions;
    }

    /** A script of text lines: each argument is one batch of input (column {@code value}). */
    @SafeVarargs
    @SuppressWarnings("varargs") // copied into a list at once: the array is never written nor handed out
    public static StructuredScript lines(List<String>... batches) {
        return linesFrom(Arrays.asList(batches));
    }

    /** A script of lines given as a list of batches. */
    public static StructuredScript linesFrom(List<List<String>> batches) {
        List<List<String>> copy = new ArrayList<>(batches);
        return new StructuredScript(spark -> StructuredInput.lines(spark, copy), null);
    }

    /** A script of timestamped lines (columns {@code value}, {@code timestamp}). */
    @SafeVarargs
    @SuppressWarnings("varargs") // copied into a list at once: the array is never written nor handed out
    public static StructuredScript events(List<Event>... batches) {
        List<List<Event>> copy = new ArrayList<>(Arrays.asList(batches));
        return new StructuredScript(spark -> StructuredInput.events(spark, copy), null);
    }

    /** One timestamped line: {@code event(at(3), "hello")}. */
    public static Event event(Instant time, String line) {
        return new Event(time, line);
    }

    /**
     * A script over a streaming source of the test's own (a folder of files, a rate source); its steps
     * say what to do before each one, with {@link #then}.
     */
    public static StructuredScript from(Function<SparkSession, Dataset<Row>> source) {
        List<StructuredInput.Action> steps = new ArrayList<>();
        return new StructuredScript(spark -> StructuredInput.source(spark, source, steps), steps);
    }

    /** One more step of a {@link #from} script: {@code action} runs before its micro-batches. */
    public StructuredScript then(String description, Runnable action) {
        if (actions == null) {
            throw new IllegalStateException("then(...) adds steps to a script made with from(source)");
        }
        actions.add(new StructuredInput.Action(description, action));
        return this;
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

    /** Reads {@code probe} of the query after every step (its last progress, say); {@code name} labels it. */
    public StructuredScript probe(String name, Function<StreamingQuery, Object> probe) {
        this.probeName = name;
        this.probe = probe;
        return this;
    }

    /** Stops the query after step {@code k} and starts a new one on the same checkpoint for the rest. */
    public StructuredScript restartAfter(int k) {
        this.restartAfter = k;
        return this;
    }

    /** Starts a new query on the same checkpoint for every step, after that step's input is there. */
    public StructuredScript restartEachStep() {
        this.restartEachStep = true;
        return this;
    }

    /** Runs the exercise; step k's rows are all the rows its micro-batches wrote (complete: the last table). */
    public StreamResult run(Function<Dataset<Row>, Dataset<Row>> exercise) {
        return start(
                in -> {
                    Dataset<Row> output = exercise.apply(in);
                    if (output == null) {
                        throw new AssertionError("the exercise returned null instead of a Dataset");
                    }
                    return output.writeStream().outputMode(outputMode);
                },
                outputMode.equals("complete"),
                "output mode " + outputMode);
    }

    /**
     * Runs an exercise that chooses its own output mode (and maybe its trigger and options) and returns
     * the writer; the harness replaces its sink with one that records every micro-batch. Step k's rows
     * are all the rows its micro-batches wrote.
     */
    public StreamResult runWriter(Function<Dataset<Row>, DataStreamWriter<Row>> exercise) {
        return start(
                in -> {
                    DataStreamWriter<Row> writer = exercise.apply(in);
                    if (writer == null) {
                        throw new AssertionError("the exercise returned null instead of a DataStreamWriter");
                    }
                    return writer;
                },
                false,
                "output mode chosen by the exercise");
    }

    private StreamResult start(
            Function<Dataset<Row>, DataStreamWriter<Row>> wiring, boolean lastTableOnly, String modeText) {
        if (metric != null && probe != null) {
            throw new IllegalArgumentException("a script reads either a metric or a probe, not both");
        }
        return new StructuredRun(
                        input.apply(TestSpark.session()),
                        title,
                        metric,
                        probeName,
                        probe,
                        restartAfter,
                        restartEachStep)
                .run(wiring, lastTableOnly, modeText);
    }
}
