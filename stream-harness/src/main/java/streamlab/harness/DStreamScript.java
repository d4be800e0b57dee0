package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.streaming.Checkpoint;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

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

    private final List<List<I>> batches;
    private long batchMs = 1000;
    private int extraBatches;
    private Path checkpointDir;
    private String title = "DStream run";
    private String probeName;
    private Probe probe;
    private int restartAfter;
    private Runnable onRestart = () -> { };

    private DStreamScript(List<List<I>> batches) {
        this.batches = batches;
    }

    /** A script of text lines: each argument is one batch (what arrived during one batch interval). */
    @SafeVarargs
    public static DStreamScript<String> lines(List<String>... batches) {
        return new DStreamScript<>(new ArrayList<>(Arrays.asList(batches)));
    }

    /** A script of lines given as a list of batches. */
    public static DStreamScript<String> linesFrom(List<List<String>> batches) {
        return new DStreamScript<>(new ArrayList<>(batches));
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
        int total = batches.size() + extraBatches;
        if (restartAfter != 0 && (restartAfter < 1 || restartAfter > total)) {
            throw new IllegalArgumentException("restartAfter(" + restartAfter + "): the script has batches 1 to " + total);
        }
        Path dir = checkpointDir == null && restartAfter > 0 ? TestSpark.newDirectory("dstream-checkpoint-") : checkpointDir;
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        Steps steps = new Steps();
        try {
            int first = restartAfter > 0 ? restartAfter : total;
            JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(batchMs));
            long start;
            try {
                setCheckpoint(ssc, dir);
                wire(ssc, exercise, runId);
                BatchWaiter waiter = BatchWaiter.on(ssc, title);
                ssc.start();
                ManualClock clock = clock(ssc);
                start = clock.getTimeMillis();
                List<Object> read = new ArrayList<>();
                for (int k = 1; k <= first; k++) {
                    clock.advance(batchMs);
                    waiter.await(k, "batch " + k);
                    if (restartAfter > 0) {
                        waiter.awaitCheckpointed(start + k * batchMs, "batch " + k);
                    }
                    read.add(read());
                }
                TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
                for (int k = 1; k <= first; k++) {
                    steps.add("batch " + k + " (t=" + Steps.seconds(k * batchMs) + ")", input(k),
                            byTime.getOrDefault(start + k * batchMs, List.of()), read.get(k - 1));
                }
            } finally {
                ssc.stop(false, false);
            }
            if (restartAfter > 0) {
                onRestart.run();
                Collector.open(runId); // the recovered graph writes to the same run: start it afresh
                recover(dir, runId, start, total, steps);
            }
        } finally {
            Collector.close(runId);
        }
        String header = title + ", " + Steps.seconds(batchMs) + " batches"
                + (restartAfter > 0 ? ", restarted from the checkpoint after batch " + restartAfter : "");
        return steps.result(header, probe == null ? null : probeName + " after each batch");
    }

    /**
     * Recovers a context from the checkpoint (the function that would build a new graph must not be
     * called), runs again what Spark runs again, then the rest of the script.
     */
    private void recover(Path dir, String runId, long start, int total, Steps steps) {
        boolean[] builtAnew = {false};
        Function0<JavaStreamingContext> mustNotBeCalled = () -> {
            builtAnew[0] = true;
            return new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(batchMs));
        };
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(dir.toString(), mustNotBeCalled);
        try {
            if (builtAnew[0]) {
                throw new AssertionError(title + ": there was no checkpoint to recover from in " + dir);
            }
            // What JobGenerator.restart() runs again at start(): the checkpoint's own batch (the clock is
            // set back to its time) and the batches the checkpoint lists as pending.
            Checkpoint checkpoint = ssc.ssc().initialCheckpoint();
            long checkpointTime = checkpoint.checkpointTime().milliseconds();
            TreeSet<Long> rerun = new TreeSet<>(List.of(checkpointTime));
            for (Time t : checkpoint.pendingTimes()) {
                if (t.milliseconds() <= checkpointTime) {
                    rerun.add(t.milliseconds());
                }
            }
            BatchWaiter waiter = BatchWaiter.on(ssc, title);
            ssc.start();
            ManualClock clock = clock(ssc);
            long lastRerun = rerun.last();
            waiter.await(rerun.size(), "the batch run again after the restart");
            waiter.awaitCheckpointed(lastRerun, "the batch run again after the restart");
            Object readAfterRerun = read();
            int later = total - (int) ((lastRerun - start) / batchMs);
            List<Object> read = new ArrayList<>();
            for (int j = 1; j <= later; j++) {
                clock.advance(batchMs);
                String what = "batch " + ((lastRerun - start) / batchMs + j) + " (after the restart)";
                waiter.await(rerun.size() + j, what);
                waiter.awaitCheckpointed(lastRerun + j * batchMs, what);
                read.add(read());
            }
            TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
            for (long t : rerun) {
                int k = (int) ((t - start) / batchMs);
                // the probe was read once, after all of them: only the last re-run step shows it
                steps.add("batch " + k + " again, run once more after the restart (t=" + Steps.seconds(t - start) + ")",
                        input(k), byTime.getOrDefault(t, List.of()), t == lastRerun ? readAfterRerun : "(not read)");
            }
            for (int j = 1; j <= later; j++) {
                long t = lastRerun + j * batchMs;
                int k = (int) ((t - start) / batchMs);
                steps.add("batch " + k + " (t=" + Steps.seconds(t - start) + ")", input(k),
                        byTime.getOrDefault(t, List.of()), read.get(j - 1));
            }
        } finally {
            ssc.stop(false, false);
        }
    }

    private <O> void wire(JavaStreamingContext ssc, Function<JavaDStream<I>, JavaDStream<O>> exercise, String runId) {
        @SuppressWarnings("unchecked")
        ClassTag<I> tag = (ClassTag<I>) ClassTag$.MODULE$.apply(Object.class);
        JavaDStream<I> input = new JavaDStream<>(new ScriptedInputDStream<>(ssc.ssc(), batches, tag), tag);
        JavaDStream<O> output = exercise.apply(input);
        if (output == null) {
            throw new AssertionError("the exercise returned null instead of a DStream");
        }
        output.foreachRDD((rdd, time) -> Collector.add(runId, time.milliseconds(), rdd.collect()));
        // Spark reports a batch as completed only if it had an output job. A window that slides every
        // 2 batches has none at the odd batches, so the input gets a do-nothing output as well: every
        // batch then completes, and the test can wait for each one.
        input.foreachRDD(rdd -> { });
    }

    private static void setCheckpoint(JavaStreamingContext ssc, Path dir) {
        if (dir != null) {
            ssc.checkpoint(dir.toString());
        } else {
            // ssc.checkpoint(dir) also sets the shared SparkContext's checkpoint directory, and it stays
            // set after that context stops. Clear it, so a run without checkpointing() is refused just
            // like a fresh program ("The checkpoint directory has not been set"), whatever ran before.
            ssc.sparkContext().sc().checkpointDir_$eq(scala.Option.<String>empty());
        }
    }

    private static ManualClock clock(JavaStreamingContext ssc) {
        return (ManualClock) ssc.ssc().scheduler().clock();
    }

    private Object read() {
        return probe == null ? null : probe.read(TestSpark.context());
    }

    private List<String> input(int k) {
        List<String> input = new ArrayList<>();
        if (k >= 1 && k <= batches.size()) {
            for (I i : batches.get(k - 1)) {
                input.add(String.valueOf(i));
            }
        }
        return input;
    }
}
