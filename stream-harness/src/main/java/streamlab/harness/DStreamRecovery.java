package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.streaming.Checkpoint;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.JobGenerator;
import org.apache.spark.util.ManualClock;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Runs a DStream exercise batch by batch on Spark's ManualClock, like {@link DStreamScript}, with two
 * more things: a <em>probe</em> that the test reads on the driver after every batch (an accumulator's
 * value, say), and an optional <em>restart from the checkpoint</em> in the middle of the script.
 *
 * <pre>{@code
 * DStreamRecovery.lines(List.of("the cat"), List.of("a dog"), List.of("the end"))
 *     .probe("dropped so far", sc -> DroppedWords.getInstance(sc).value())
 *     .restartAfter(2)                       // run batches 1-2, stop, recover, run batch 3
 *     .onRestart(ExcludeList::reset)         // what a new driver would not have
 *     .runPairs(ExcludeDStream::keptCounts);
 * }</pre>
 *
 * <p>A restart works as a driver failure and {@code JavaStreamingContext.getOrCreate} do. The context
 * checkpoints every batch to a fresh directory, and the run waits for each batch's checkpoint before the
 * clock moves on, so what the checkpoint holds never depends on thread timing. After batch k the context
 * is stopped, {@link #onRestart} runs (the test forgets what a new driver JVM would not have: singletons,
 * broadcasts), and a new context is recovered from the checkpoint: its graph, closures and input come
 * from the checkpoint files, and the function that would build a new graph must not be called. It
 * shares the test's SparkContext, as a context recovered in a running JVM does. On a ManualClock, Spark
 * sets the recovered context's clock to the time of the last checkpoint (batch k) and generates again
 * the batches from that time to the next batch boundary, plus any the checkpoint lists as pending: so
 * batch k runs once more, although it had finished. Spark's own CheckpointSuite expects the same: "the
 * last batch processed before master failure will be re-processed after restart". Those batches appear
 * in the result as steps of their own ("batch k again, ..."); then the clock moves on to batch k+1.
 *
 * <p>The result has two parts with one step per batch run: {@link Result#output()}, the rows the
 * exercise's DStream gave, and {@link Result#probe()}, one row per step with what the probe read after
 * that batch had finished.
 */
public final class DStreamRecovery<I> {

    /** Reads something on the driver after a batch: gets the test's SparkContext. */
    @FunctionalInterface
    public interface Probe {
        Object read(JavaSparkContext sc);
    }

    /** What a run produced: the exercise's rows per step, and the probe's value per step. */
    public record Result(StreamResult output, StreamResult probe) {}

    private static final long BATCH_WAIT_SECONDS = 60;

    private final List<List<I>> batches;
    private long batchMs = 1000;
    private int restartAfter = -1;
    private Runnable onRestart = () -> {};
    private String probeName = "nothing probed";
    private Probe probe = sc -> null;
    private String title = "DStream run";

    private DStreamRecovery(List<List<I>> batches) {
        this.batches = batches;
    }

    /** A script of text lines: each argument is one batch (what arrived during one batch interval). */
    @SafeVarargs
    public static DStreamRecovery<String> lines(List<String>... batches) {
        return new DStreamRecovery<>(new ArrayList<>(Arrays.asList(batches)));
    }

    /** A script of lines given as a list of batches. */
    public static DStreamRecovery<String> linesFrom(List<List<String>> batches) {
        return new DStreamRecovery<>(new ArrayList<>(batches));
    }

    /** The batch interval (default 1 s). */
    public DStreamRecovery<I> batchSeconds(double seconds) {
        this.batchMs = Math.round(seconds * 1000);
        return this;
    }

    /** Reads {@code probe} on the driver after every batch; {@code name} labels it in failure reports. */
    public DStreamRecovery<I> probe(String name, Probe probe) {
        this.probeName = name;
        this.probe = probe;
        return this;
    }

    /**
     * Stops the context after batch {@code k} of the script and recovers a new one from the checkpoint,
     * which runs the rest of the script. Without it the whole script runs in one context.
     */
    public DStreamRecovery<I> restartAfter(int k) {
        this.restartAfter = k;
        return this;
    }

    /** Runs between the stop and the recovery: forget here what a new driver JVM would not have. */
    public DStreamRecovery<I> onRestart(Runnable action) {
        this.onRestart = action;
        return this;
    }

    /** The first line of a failure report: which exercise this is. */
    public DStreamRecovery<I> title(String title) {
        this.title = title;
        return this;
    }

    /** Runs an exercise that returns key-value pairs; each pair is a row {@code (key, value)}. */
    public <K, V> Result runPairs(Function<JavaDStream<I>, JavaPairDStream<K, V>> exercise) {
        return run(in -> {
            JavaPairDStream<K, V> out = exercise.apply(in);
            return out == null ? null : out.toJavaDStream();
        });
    }

    /** Runs an exercise; each element it outputs is a row. */
    public <O> Result run(Function<JavaDStream<I>, JavaDStream<O>> exercise) {
        if (restartAfter != -1 && (restartAfter < 1 || restartAfter > batches.size())) {
            throw new IllegalArgumentException("restartAfter(" + restartAfter + "): the script has batches 1 to "
                    + batches.size());
        }
        Path checkpointDir = TestSpark.newDirectory("dstream-recovery-");
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        List<StreamResult.Step> outputSteps = new ArrayList<>();
        List<StreamResult.Step> probeSteps = new ArrayList<>();
        int firstPart = restartAfter == -1 ? batches.size() : restartAfter;
        long start;
        try {
            JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(batchMs));
            try {
                ssc.checkpoint(checkpointDir.toString());
                @SuppressWarnings("unchecked")
                ClassTag<I> tag = (ClassTag<I>) ClassTag$.MODULE$.apply(Object.class);
                JavaDStream<I> input = new JavaDStream<>(new ScriptedInputDStream<>(ssc.ssc(), batches, tag), tag);
                JavaDStream<O> output = exercise.apply(input);
                if (output == null) {
                    throw new AssertionError("the exercise returned null instead of a DStream");
                }
                output.foreachRDD((rdd, time) -> Collector.add(runId, time.milliseconds(), rdd.collect()));
                BatchWaiter waiter = new BatchWaiter();
                ssc.addStreamingListener(waiter);
                ssc.start();
                ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
                start = clock.getTimeMillis();
                List<Object> probed = new ArrayList<>();
                for (int k = 1; k <= firstPart; k++) {
                    clock.advance(batchMs);
                    awaitBatch(ssc, waiter, k, "batch " + k);
                    awaitCheckpointed(ssc, start + k * batchMs, "batch " + k);
                    probed.add(probe.read(TestSpark.context()));
                }
                TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
                for (int k = 1; k <= firstPart; k++) {
                    String name = "batch " + k + " (t=" + seconds(k * batchMs) + ")";
                    addSteps(outputSteps, probeSteps, name, k, byTime.getOrDefault(start + k * batchMs, List.of()),
                            probed.get(k - 1));
                }
            } finally {
                ssc.stop(false, false);
            }
            if (restartAfter != -1) {
                onRestart.run();
                Collector.open(runId); // the recovered graph writes to the same run: start it afresh
                recover(checkpointDir, runId, start, outputSteps, probeSteps);
            }
        } finally {
            Collector.close(runId);
        }
        String header = title + ", " + seconds(batchMs) + " batches" + (restartAfter == -1 ? ""
                : ", restarted from the checkpoint after batch " + restartAfter);
        return new Result(new StreamResult(header + ":", outputSteps),
                new StreamResult(header + ", " + probeName + " after each batch:", probeSteps));
    }

    private void recover(Path checkpointDir, String runId, long start,
                         List<StreamResult.Step> outputSteps, List<StreamResult.Step> probeSteps) {
        boolean[] builtAnew = {false};
        Function0<JavaStreamingContext> mustNotBeCalled = () -> {
            builtAnew[0] = true;
            return new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(batchMs));
        };
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpointDir.toString(), mustNotBeCalled);
        try {
            if (builtAnew[0]) {
                throw new AssertionError(title + ": there was no checkpoint to recover from in " + checkpointDir);
            }
            // What JobGenerator.restart() will run again at start(): the checkpoint's pending batches and the
            // batch of the checkpoint itself (the clock is set back to that time).
            Checkpoint checkpoint = ssc.ssc().initialCheckpoint();
            long checkpointTime = checkpoint.checkpointTime().milliseconds();
            TreeSet<Long> rerun = new TreeSet<>();
            rerun.add(checkpointTime);
            for (Time t : checkpoint.pendingTimes()) {
                if (t.milliseconds() <= checkpointTime) {
                    rerun.add(t.milliseconds());
                }
            }
            BatchWaiter waiter = new BatchWaiter();
            ssc.addStreamingListener(waiter);
            ssc.start();
            ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
            long lastRerun = rerun.last();
            awaitBatch(ssc, waiter, rerun.size(), "the batch run again after the restart");
            awaitCheckpointed(ssc, lastRerun, "the batch run again after the restart");
            Object probedAfterRerun = probe.read(TestSpark.context());
            int later = batches.size() - (int) ((lastRerun - start) / batchMs);
            List<Object> probed = new ArrayList<>();
            for (int j = 1; j <= later; j++) {
                clock.advance(batchMs);
                String what = "batch " + ((lastRerun - start) / batchMs + j) + " (after the restart)";
                awaitBatch(ssc, waiter, rerun.size() + j, what);
                awaitCheckpointed(ssc, lastRerun + j * batchMs, what);
                probed.add(probe.read(TestSpark.context()));
            }
            TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
            int i = 0;
            for (long t : rerun) {
                int k = (int) ((t - start) / batchMs);
                i++;
                String name = "batch " + k + " again, run once more after the restart (t=" + seconds(t - start) + ")";
                // the probe was read once, after all of them: only the last re-run step shows it
                addSteps(outputSteps, probeSteps, name, k, byTime.getOrDefault(t, List.of()),
                        i == rerun.size() ? probedAfterRerun : "(not read)");
            }
            for (int j = 1; j <= later; j++) {
                long t = lastRerun + j * batchMs;
                int k = (int) ((t - start) / batchMs);
                addSteps(outputSteps, probeSteps, "batch " + k + " (t=" + seconds(t - start) + ")", k,
                        byTime.getOrDefault(t, List.of()), probed.get(j - 1));
            }
        } finally {
            ssc.stop(false, false);
        }
    }

    private void addSteps(List<StreamResult.Step> outputSteps, List<StreamResult.Step> probeSteps, String name,
                          int k, List<Object> elements, Object probed) {
        List<String> input = new ArrayList<>();
        if (k >= 1 && k <= batches.size()) {
            for (I i : batches.get(k - 1)) {
                input.add(String.valueOf(i));
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Object element : elements) {
            rows.add(Rows.asRow(element));
        }
        outputSteps.add(new StreamResult.Step(name, input, rows));
        List<List<Object>> probeRows = new ArrayList<>();
        probeRows.add(Rows.asRow(probed));
        probeSteps.add(new StreamResult.Step(name, input, probeRows));
    }

    private void awaitBatch(JavaStreamingContext ssc, BatchWaiter waiter, int n, String what) {
        if (!waiter.awaitBatches(n, BATCH_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(title + ": " + what + " did not finish within " + BATCH_WAIT_SECONDS
                    + " s. Does the exercise block, or wait for something?");
        }
        if (waiter.failure() != null) {
            try {
                ssc.awaitTerminationOrTimeout(1); // throws the batch's exception, as Spark recorded it
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
            throw new AssertionError(title + ": " + what + " failed: " + waiter.failure());
        }
    }

    /**
     * Waits until Spark has wholly finished batch time {@code timeMs}: after the batch's jobs, the
     * JobGenerator writes a checkpoint that records it as done and then marks it processed. Without this
     * wait the next batch could start before that checkpoint, and which batches a recovered context runs
     * again would depend on thread timing. (A bounded wait for a condition, as Spark's own tests do.)
     */
    private void awaitCheckpointed(JavaStreamingContext ssc, long timeMs, String what) {
        JobGenerator generator = ssc.ssc().scheduler().jobGenerator();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BATCH_WAIT_SECONDS);
        while (true) {
            Time done = generator.lastProcessedBatch();
            if (done != null && done.milliseconds() >= timeMs) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(title + ": the checkpoint of " + what + " was not written within "
                        + BATCH_WAIT_SECONDS + " s.");
            }
            try {
                if (ssc.awaitTerminationOrTimeout(2)) {
                    throw new AssertionError(title + ": the streaming context stopped during " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(title + ": interrupted while waiting for " + what, e);
            }
        }
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }
}
