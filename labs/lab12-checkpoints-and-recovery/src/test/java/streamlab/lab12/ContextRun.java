package streamlab.lab12;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.util.ManualClock;
import org.opentest4j.AssertionFailedError;
import streamlab.harness.TestSpark;

/**
 * A DStream program started the way a real one is, {@code JavaStreamingContext.getOrCreate(dir, create)},
 * with {@link RecoveryDStream#createContext} as the create function, on Spark's manual clock: batch k
 * runs at t = k s. It can stop (a driver that dies) and start again from the same checkpoint, which
 * runs the checkpoint's own batch once more, as {@code JobGenerator.restart()} does, then goes on.
 */
final class ContextRun {

    /** What each run's output received: batch time in ms, then the totals. The output is looked up by run id. */
    private static final Map<String, TreeMap<Long, Map<String, Long>>> RECEIVED = new ConcurrentHashMap<>();

    /** The test's output: serializable, so it is saved in the checkpoint with the graph and comes back with it. */
    record Received(String runId) implements TotalsOutput {
        @Override
        public void batchDone(long batchTimeMs, Map<String, Long> totals) {
            RECEIVED.get(runId).put(batchTimeMs, new TreeMap<>(totals));
        }
    }

    /** One batch as the report shows it. */
    record Step(String name, String input, Map<String, Long> totals) {}

    private final String runId = UUID.randomUUID().toString();
    private final Path checkpoint;
    private final Path input;
    private final List<Step> steps = new ArrayList<>();
    private JavaStreamingContext ssc;
    private Completed completed;
    private int created;
    private long lastBatchMs;

    ContextRun(Path checkpoint, Path input) {
        this.checkpoint = checkpoint;
        this.input = input;
        RECEIVED.put(runId, new TreeMap<>());
    }

    /** How often getOrCreate called the create function. */
    int created() {
        return created;
    }

    /** getOrCreate, then start; after a stop, the batches the recovered context runs again are run and recorded. */
    ContextRun start() {
        ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), () -> {
            created++;
            return RecoveryDStream.createContext(
                    TestSpark.context(),
                    checkpoint.toString(),
                    input.toString(),
                    Durations.seconds(1),
                    new Received(runId));
        });
        completed = new Completed();
        ssc.addStreamingListener(completed);
        boolean recovered = ssc.ssc().isCheckpointPresent();
        TreeSet<Long> rerun = new TreeSet<>();
        if (recovered) {
            long checkpointTime = ssc.ssc().initialCheckpoint().checkpointTime().milliseconds();
            rerun.add(checkpointTime);
            for (Time t : ssc.ssc().initialCheckpoint().pendingTimes()) {
                if (t.milliseconds() <= checkpointTime) {
                    rerun.add(t.milliseconds());
                }
            }
        }
        ssc.start();
        if (recovered) {
            completed.await(rerun.size(), "the batches run again after the restart");
            awaitCheckpointed(rerun.last());
            for (long t : rerun) {
                record("batch " + t / 1000 + " again, after the restart", "(what its checkpoint says it read)", t);
            }
            lastBatchMs = rerun.last();
        }
        return this;
    }

    /** One batch: {@code action} gets the batch's time (to give a new file a time just before it). */
    ContextRun batch(String description, LongConsumer action) {
        long t = lastBatchMs + 1000;
        action.accept(t);
        ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
        clock.setTime(t);
        completed.await(completed.count() + 1, "batch " + t / 1000);
        awaitCheckpointed(t);
        lastBatchMs = t;
        record("batch " + t / 1000 + " (t=" + t / 1000 + " s)", description, t);
        return this;
    }

    /** Stops the context, as a driver that dies between two batches. */
    ContextRun stop() {
        ssc.stop(false, false);
        steps.add(new Step("the program stops", "", null));
        return this;
    }

    /** The totals after each batch must be these, in order (one map per step that has totals). */
    @SafeVarargs
    final void assertTotals(String title, Map<String, Long>... expected) {
        List<Step> batches = steps.stream().filter(s -> s.totals() != null).toList();
        boolean same = batches.size() == expected.length;
        for (int i = 0; same && i < expected.length; i++) {
            same = new TreeMap<>(expected[i]).equals(batches.get(i).totals());
        }
        if (!same) {
            StringBuilder report = new StringBuilder(title).append("\nThe whole run:\n");
            int i = 0;
            for (Step s : steps) {
                report.append("   ").append(s.name()).append('\n');
                if (s.totals() == null) {
                    continue;
                }
                report.append(String.format("      %-10s %s%n", "input", s.input()));
                report.append(String.format(
                        "      %-10s %s%n",
                        "expected", i < expected.length ? new TreeMap<>(expected[i]) : "(no batch)"));
                report.append(String.format("      %-10s %s%n", "actual", s.totals()));
                i++;
            }
            for (; i < expected.length; i++) {
                report.append(String.format(
                        "   (a batch that did not run)%n      %-10s %s%n", "expected", new TreeMap<>(expected[i])));
            }
            throw new AssertionFailedError(report.toString());
        }
    }

    /** Ends whatever still runs and forgets the run's output. */
    void close() {
        if (ssc != null) {
            ssc.stop(false, false);
        }
        RECEIVED.remove(runId);
    }

    private void record(String name, String description, long t) {
        Map<String, Long> totals = RECEIVED.get(runId).get(t);
        steps.add(new Step(name, description, totals == null ? Map.of("(no output for this batch)", -1L) : totals));
    }

    /** Waits until Spark has written the checkpoint of batch {@code t} (it does so after the batch's jobs). */
    private void awaitCheckpointed(long t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Time done = ssc.ssc().scheduler().jobGenerator().lastProcessedBatch();
            if (done != null && done.milliseconds() >= t) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the checkpoint of the batch at " + t + " ms was not written within 60 s");
            }
            try {
                if (ssc.awaitTerminationOrTimeout(2)) {
                    throw new AssertionError("the streaming context stopped before its batch at " + t + " ms");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Counts the completed batches of one context; a test waits for the next one (60 s at most). */
    private static final class Completed implements StreamingListener {
        private int count;
        private String failure;

        @Override
        public synchronized void onBatchCompleted(StreamingListenerBatchCompleted batch) {
            count++;
            batch.batchInfo().outputOperationInfos().values().foreach(info -> {
                if (info.failureReason().isDefined() && failure == null) {
                    failure = info.failureReason().get();
                }
                return null;
            });
            notifyAll();
        }

        synchronized int count() {
            return count;
        }

        synchronized void await(int n, String what) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (count < n && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(what + " did not finish within 60 s");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            if (failure != null) {
                throw new AssertionError(what + " failed: " + failure);
            }
        }
    }
}
