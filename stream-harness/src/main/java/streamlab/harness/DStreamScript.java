package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.spark.streaming.Durations;
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
 */
public final class DStreamScript<I> {

    private static final long BATCH_WAIT_SECONDS = 60;

    private final List<List<I>> batches;
    private long batchMs = 1000;
    private int extraBatches;
    private Path checkpointDir;
    private String title = "DStream run";

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

    /** Runs an exercise that returns key-value pairs; each pair is a row {@code (key, value)}. */
    public <K, V> StreamResult runPairs(Function<JavaDStream<I>, JavaPairDStream<K, V>> exercise) {
        return run(in -> exercise.apply(in).toJavaDStream());
    }

    /** Runs an exercise; each element it outputs is a row. */
    public <O> StreamResult run(Function<JavaDStream<I>, JavaDStream<O>> exercise) {
        JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(batchMs));
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        try {
            if (checkpointDir != null) {
                ssc.checkpoint(checkpointDir.toString());
            } else {
                // ssc.checkpoint(dir) also sets the shared SparkContext's checkpoint directory, and it stays
                // set after that context stops. Clear it, so a run without checkpointing() is refused just
                // like a fresh program ("The checkpoint directory has not been set"), whatever ran before.
                ssc.sparkContext().sc().checkpointDir_$eq(scala.Option.<String>empty());
            }
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
            BatchWaiter waiter = new BatchWaiter();
            ssc.addStreamingListener(waiter);
            ssc.start();
            ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
            long start = clock.getTimeMillis();
            int total = batches.size() + extraBatches;
            for (int k = 1; k <= total; k++) {
                clock.advance(batchMs);
                if (!waiter.awaitBatches(k, BATCH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new AssertionError(title + ": batch " + k + " did not finish within " + BATCH_WAIT_SECONDS
                            + " s. Does the exercise block, or wait for something?");
                }
                if (waiter.failure() != null) {
                    rethrowBatchFailure(ssc, k, waiter.failure());
                }
            }
            return result(runId, start, total);
        } finally {
            ssc.stop(false, false);
            Collector.close(runId);
        }
    }

    private StreamResult result(String runId, long start, int total) {
        TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
        List<StreamResult.Step> steps = new ArrayList<>();
        for (int k = 1; k <= total; k++) {
            long time = start + k * batchMs;
            List<List<Object>> rows = new ArrayList<>();
            for (Object element : byTime.getOrDefault(time, List.of())) {
                rows.add(Rows.asRow(element));
            }
            List<String> input = new ArrayList<>();
            if (k <= batches.size()) {
                for (I i : batches.get(k - 1)) {
                    input.add(String.valueOf(i));
                }
            }
            steps.add(new StreamResult.Step("batch " + k + " (t=" + seconds(k * batchMs) + ")", input, rows));
        }
        return new StreamResult(title + ", " + seconds(batchMs) + " batches:", steps);
    }

    private void rethrowBatchFailure(JavaStreamingContext ssc, int k, String reason) {
        try {
            ssc.awaitTerminationOrTimeout(1); // throws the batch's exception, as Spark recorded it
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        throw new AssertionError(title + ": batch " + k + " failed: " + reason);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }
}
