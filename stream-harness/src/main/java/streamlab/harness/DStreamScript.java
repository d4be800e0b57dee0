package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Runs a DStream exercise batch by batch on Spark's ManualClock: batch k of the script is the input of
 * the k-th batch, the clock moves one batch interval at a time, and the test waits for each batch to
 * finish before the next. No sleeping, no real time: the same script gives the same output every run.
 *
 * <pre>{@code
 * DStreamScript.lines(List.of("hello world"), List.of(), List.of("hello"))
 *     .runPairs(WordCountDStream::wordCounts)
 *     .assertBatches(rows(row("hello", 1), row("world", 1)), none(), rows(row("hello", 1)));
 * }</pre>
 *
 * <p>Options: {@link #checkpointing()} for stateful exercises; {@link #probe} to read something on the
 * driver after every batch (an accumulator's value: the result's {@link StreamResult#observed()});
 * {@link #restartAfter} to stop the context after batch k and recover a new one from the checkpoint, as
 * a restarted driver does with {@code JavaStreamingContext.getOrCreate}. Spark then runs the batch of the
 * checkpoint once more (its CheckpointSuite: "the last batch processed before master failure will be
 * re-processed after restart"); that batch appears in the result as a step of its own, "batch k again".
 */
public final class DStreamScript<I> {

    /** Reads something on the driver after a batch: gets the test's SparkContext. */
    @FunctionalInterface
    public interface Probe {
        Object read(JavaSparkContext sc);
    }

    /** One batch of a script over a source of the test's own: what to do before it, given its time. */
    record Action(String description, LongConsumer action) {}

    final List<List<I>> batches;
    final Function<JavaStreamingContext, JavaDStream<I>> source;
    final List<Action> actions = new ArrayList<>();
    long batchMs = 1000;
    int extraBatches;
    Path checkpointDir;
    String title = "DStream run";
    String probeName;
    Probe probe;
    int restartAfter;
    Runnable onRestart = () -> {};

    private DStreamScript(List<List<I>> batches, Function<JavaStreamingContext, JavaDStream<I>> source) {
        this.batches = batches;
        this.source = source;
    }

    /** A script of text lines: each argument is one batch (what arrived during one batch interval). */
    @SafeVarargs
    @SuppressWarnings("varargs") // copied into a list at once: the array is never written nor handed out
    public static DStreamScript<String> lines(List<String>... batches) {
        return new DStreamScript<>(new ArrayList<>(Arrays.asList(batches)), null);
    }

    /** A script of lines given as a list of batches. */
    public static DStreamScript<String> linesFrom(List<List<String>> batches) {
        return new DStreamScript<>(new ArrayList<>(batches), null);
    }

    /**
     * A script over a source of the test's own (a watched folder, a queue): {@code source} makes it on
     * the test's StreamingContext, and {@link #then} says what to do before each batch.
     */
    public static <T> DStreamScript<T> from(Function<JavaStreamingContext, JavaDStream<T>> source) {
        return new DStreamScript<>(List.of(), source);
    }

    /**
     * One more batch of a {@link #from} script: {@code action} runs before it, with the time the batch
     * will have (milliseconds of the manual clock), e.g. to give a new file that modification time.
     */
    public DStreamScript<I> then(String description, LongConsumer action) {
        if (source == null) {
            throw new IllegalStateException("then(...) adds batches to a script made with from(source)");
        }
        actions.add(new Action(description, action));
        return this;
    }

    /** The batch interval (default 1 s). */
    public DStreamScript<I> batchSeconds(double seconds) {
        this.batchMs = Math.round(seconds * 1000);
        return this;
    }

    /** Runs this many more (empty) batches after the script's input, e.g. to let windows slide past. */
    public DStreamScript<I> thenEmptyBatches(int n) {
        this.extraBatches = n;
        return this;
    }

    /**
     * Gives the StreamingContext a fresh checkpoint directory (stateful operations need one). A run
     * without it has no checkpoint directory at all, even if an earlier run in the same JVM had one.
     */
    public DStreamScript<I> checkpointing() {
        this.checkpointDir = TestSpark.newDirectory("dstream-checkpoint-");
        return this;
    }

    /** The first line of a failure report: which exercise this is. */
    public DStreamScript<I> title(String title) {
        this.title = title;
        return this;
    }

    /** Reads {@code probe} on the driver after every batch; {@code name} labels it in failure reports. */
    public DStreamScript<I> probe(String name, Probe probe) {
        this.probeName = name;
        this.probe = probe;
        return this;
    }

    /** Stops the context after batch {@code k} and recovers a new one from the checkpoint for the rest. */
    public DStreamScript<I> restartAfter(int k) {
        this.restartAfter = k;
        return this;
    }

    /** Runs between the stop and the recovery: forget here what a new driver JVM would not have. */
    public DStreamScript<I> onRestart(Runnable action) {
        this.onRestart = action;
        return this;
    }

    /** Runs an exercise that returns key-value pairs; each pair is a row {@code (key, value)}. */
    public <K, V> StreamResult runPairs(Function<JavaDStream<I>, JavaPairDStream<K, V>> exercise) {
        return run(in -> {
            JavaPairDStream<K, V> out = exercise.apply(in);
            return out == null ? null : out.toJavaDStream();
        });
    }

    /** Runs an exercise; each element it outputs is a row. */
    public <O> StreamResult run(Function<JavaDStream<I>, JavaDStream<O>> exercise) {
        return new DStreamRun<>(this).run(exercise);
    }
}
