package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.streaming.Checkpoint;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import scala.reflect.ClassTag;

/** One run of a {@link DStreamScript}: its StreamingContext (and the one recovered after a restart). */
final class DStreamRun<I> {

    private final DStreamScript<I> s;

    DStreamRun(DStreamScript<I> script) {
        this.s = script;
    }

    <O> StreamResult run(Function<JavaDStream<I>, JavaDStream<O>> exercise) {
        int total = scripted() + s.extraBatches;
        if (s.restartAfter != 0 && (s.restartAfter < 1 || s.restartAfter > total)) {
            throw new IllegalArgumentException(
                    "restartAfter(" + s.restartAfter + "): the script has batches 1 to " + total);
        }
        Path dir = s.checkpointDir == null && s.restartAfter > 0
                ? TestSpark.newDirectory("dstream-checkpoint-")
                : s.checkpointDir;
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        Steps steps = new Steps();
        try {
            int first = s.restartAfter > 0 ? s.restartAfter : total;
            JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(s.batchMs));
            long start;
            try {
                setCheckpoint(ssc, dir);
                wire(ssc, exercise, runId);
                BatchWaiter waiter = BatchWaiter.on(ssc, s.title);
                ssc.start();
                ManualClock clock = clock(ssc);
                start = clock.getTimeMillis();
                List<Object> read = new ArrayList<>();
                for (int k = 1; k <= first; k++) {
                    act(k, start + k * s.batchMs);
                    clock.advance(s.batchMs);
                    try {
                        waiter.await(k, "batch " + k);
                        if (s.restartAfter > 0) {
                            waiter.awaitCheckpointed(start + k * s.batchMs, "batch " + k);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        throw failedAt(e, k, total, start, runId);
                    }
                    read.add(read());
                }
                TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
                for (int k = 1; k <= first; k++) {
                    steps.add(
                            "batch " + k + " (t=" + Steps.seconds(k * s.batchMs) + ")",
                            input(k),
                            byTime.getOrDefault(start + k * s.batchMs, List.of()),
                            read.get(k - 1));
                }
            } finally {
                ssc.stop(false, false);
            }
            if (s.restartAfter > 0) {
                s.onRestart.run();
                Collector.open(runId); // the recovered graph writes to the same run: start it afresh
                recover(dir, runId, start, total, steps);
            }
        } finally {
            Collector.close(runId);
        }
        String header = s.title + ", " + Steps.seconds(s.batchMs) + " batches"
                + (s.restartAfter > 0 ? ", restarted from the checkpoint after batch " + s.restartAfter : "");
        return steps.result(header, s.probe == null ? null : s.probeName + " after each batch");
    }

    /**
     * Recovers a context from the checkpoint (the function that would build a new graph must not be
     * called), runs again what Spark runs again, then the rest of the script.
     */
    private void recover(Path dir, String runId, long start, int total, Steps steps) {
        boolean[] builtAnew = {false};
        Function0<JavaStreamingContext> mustNotBeCalled = () -> {
            builtAnew[0] = true;
            return new JavaStreamingContext(TestSpark.context(), Durations.milliseconds(s.batchMs));
        };
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(dir.toString(), mustNotBeCalled);
        try {
            if (builtAnew[0]) {
                throw new AssertionError(s.title + ": there was no checkpoint to recover from in " + dir);
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
            BatchWaiter waiter = BatchWaiter.on(ssc, s.title);
            ssc.start();
            ManualClock clock = clock(ssc);
            long lastRerun = rerun.last();
            waiter.await(rerun.size(), "the batch run again after the restart");
            waiter.awaitCheckpointed(lastRerun, "the batch run again after the restart");
            Object readAfterRerun = read();
            int later = total - (int) ((lastRerun - start) / s.batchMs);
            List<Object> read = new ArrayList<>();
            for (int j = 1; j <= later; j++) {
                act((int) ((lastRerun - start) / s.batchMs) + j, lastRerun + j * s.batchMs);
                clock.advance(s.batchMs);
                String what = "batch " + ((lastRerun - start) / s.batchMs + j) + " (after the restart)";
                waiter.await(rerun.size() + j, what);
                waiter.awaitCheckpointed(lastRerun + j * s.batchMs, what);
                read.add(read());
            }
            TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
            for (long t : rerun) {
                int k = (int) ((t - start) / s.batchMs);
                // the probe was read once, after all of them: only the last re-run step shows it
                steps.add(
                        "batch " + k + " again, run once more after the restart (t=" + Steps.seconds(t - start) + ")",
                        input(k),
                        byTime.getOrDefault(t, List.of()),
                        t == lastRerun ? readAfterRerun : "(not read)");
            }
            for (int j = 1; j <= later; j++) {
                long t = lastRerun + j * s.batchMs;
                int k = (int) ((t - start) / s.batchMs);
                steps.add(
                        "batch " + k + " (t=" + Steps.seconds(t - start) + ")",
                        input(k),
                        byTime.getOrDefault(t, List.of()),
                        read.get(j - 1));
            }
        } finally {
            ssc.stop(false, false);
        }
    }

    /** A batch that failed (or never ended): see {@link DStreamFailure}. */
    private RuntimeException failedAt(Throwable e, int failing, int total, long start, String runId) {
        return DStreamFailure.report(s.title, s.batchMs, e, failing, total, start, runId, this::input);
    }

    private <O> void wire(JavaStreamingContext ssc, Function<JavaDStream<I>, JavaDStream<O>> exercise, String runId) {
        @SuppressWarnings("unchecked")
        ClassTag<I> tag = (ClassTag<I>) scala.reflect.ClassTag$.MODULE$.apply(Object.class);
        JavaDStream<I> input = s.source != null
                ? s.source.apply(ssc)
                : new JavaDStream<>(new ScriptedInputDStream<>(ssc.ssc(), s.batches, tag), tag);
        if (input == null) {
            throw new AssertionError("the source returned null instead of a DStream");
        }
        JavaDStream<O> output = exercise.apply(input);
        if (output == null) {
            throw new AssertionError("the exercise returned null instead of a DStream");
        }
        output.foreachRDD((rdd, time) -> Collector.add(runId, time.milliseconds(), rdd.collect()));
        // Spark reports a batch as completed only if it had an output job. A window that slides every
        // 2 batches has none at the odd batches, so the input gets a do-nothing output as well: every
        // batch then completes, and the test can wait for each one.
        input.foreachRDD(rdd -> {});
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
        return s.probe == null ? null : s.probe.read(TestSpark.context());
    }

    /** How many batches the script gives input to. */
    private int scripted() {
        return s.source != null ? s.actions.size() : s.batches.size();
    }

    /** Runs the action of batch {@code k} of a {@link #from} script, if it has one. */
    private void act(int k, long timeMs) {
        if (s.source != null && k >= 1 && k <= s.actions.size()) {
            s.actions.get(k - 1).action().accept(timeMs);
        }
    }

    private List<String> input(int k) {
        if (s.source != null) {
            return k >= 1 && k <= s.actions.size()
                    ? List.of(s.actions.get(k - 1).description())
                    : List.of();
        }
        List<String> input = new ArrayList<>();
        if (k >= 1 && k <= s.batches.size()) {
            for (I i : s.batches.get(k - 1)) {
                input.add(String.valueOf(i));
            }
        }
        return input;
    }
}
