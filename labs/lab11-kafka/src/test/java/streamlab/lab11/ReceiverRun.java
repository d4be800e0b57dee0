package streamlab.lab11;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.ReceiverTracker;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped;
import org.apache.spark.util.ManualClock;
import streamlab.harness.TestSpark;
import streamlab.support.MissingSolutionException;

/**
 * Given test code: a DStream fed by a receiver, run batch by batch on Spark's ManualClock (the tests' clock).
 *
 * <p>A receiver gets its records in real time, so a test cannot know in advance which batch a record
 * falls into. It runs batches until the values it expects have come: before each batch it waits until
 * the receiver has handed Spark a block (or a short while has passed), then moves the clock one batch on
 * and waits for that batch to finish. A bounded number of batches and a time limit end a run whose values
 * never come; nothing sleeps.
 */
final class ReceiverRun implements AutoCloseable {

    static final int MAX_BATCHES = 300;
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    private static final Map<String, List<List<String>>> OUTPUT = new ConcurrentHashMap<>();

    /** An unfilled TODO thrown in the receiver's own thread, which nobody else would see. */
    private static volatile Throwable notImplemented;

    private final String title;
    private final String runId = UUID.randomUUID().toString();
    private final JavaStreamingContext ssc;
    private final Events events = new Events();
    private final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
    private int batches;

    private ReceiverRun(String title, Function<JavaStreamingContext, JavaDStream<String>> stream) {
        this.title = title;
        notImplemented = null;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (MissingSolutionException.isMissingSolution(e)) {
                notImplemented = e;
            }
            if (previousHandler != null) {
                previousHandler.uncaughtException(thread, e);
            } else {
                System.err.println("Exception in thread \"" + thread.getName() + "\": " + e);
            }
        });
        OUTPUT.put(runId, new ArrayList<>());
        ssc = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
        JavaDStream<String> values = stream.apply(ssc);
        String id = runId;
        values.foreachRDD(rdd -> {
            List<String> batch = new ArrayList<>(rdd.collect());
            List<List<String>> output = OUTPUT.get(id);
            synchronized (output) {
                output.add(batch);
            }
        });
        ssc.addStreamingListener(events);
        ssc.start();
    }

    /** Starts the stream {@code stream} makes (a receiver stream) on a new StreamingContext. */
    static ReceiverRun start(String title, Function<JavaStreamingContext, JavaDStream<String>> stream) {
        return new ReceiverRun(title, stream);
    }

    /** Runs batches until {@code n} values have come; returns every value received so far. */
    List<String> awaitValues(int n) {
        return runUntil(values -> values.size() >= n, () -> {}, TIME_LIMIT, n + " values");
    }

    /**
     * Runs batches until the values received so far satisfy {@code done}. Before each batch it runs
     * {@code beforeBatch}, then waits at most {@code blockWait} for the receiver to hand Spark a block.
     */
    List<String> runUntil(Predicate<List<String>> done, Runnable beforeBatch, Duration blockWait, String what) {
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        while (!done.test(values())) {
            failIfNotImplemented();
            if (batches >= MAX_BATCHES || System.nanoTime() > deadline) {
                throw new AssertionError(report("waited for " + what + " for " + batches + " batches ("
                        + TIME_LIMIT.toSeconds() + " s at most), but they did not come"));
            }
            beforeBatch.run();
            awaitBlock(Math.min(deadline, System.nanoTime() + blockWait.toNanos()));
            runBatch();
        }
        return values();
    }

    /** Waits (at most {@code within}) until the receiver has stopped or restarted, and says why. */
    String awaitRestart(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (events.stopped == null && System.nanoTime() < deadline) {
            failIfNotImplemented();
            waitBriefly();
        }
        failIfNotImplemented();
        if (events.stopped == null) {
            throw new AssertionError(report("the receiver did not restart within " + within.toSeconds()
                    + " s. When it cannot read the topic, it must ask Spark to start it again: restart(...)"));
        }
        return events.stopped;
    }

    /** Every value received so far, batch after batch. */
    List<String> values() {
        List<String> all = new ArrayList<>();
        synchronized (OUTPUT.get(runId)) {
            OUTPUT.get(runId).forEach(all::addAll);
        }
        return all;
    }

    /** The run so far, for a failure message: what each batch received. */
    String report(String problem) {
        StringBuilder sb = new StringBuilder(title).append('\n').append(problem).append('\n');
        List<List<String>> output = OUTPUT.get(runId);
        int received;
        synchronized (output) {
            received = output.size();
        }
        sb.append("values received in ")
                .append(received)
                .append(" batches: ")
                .append(values())
                .append('\n');
        if (events.lastError != null) {
            sb.append("the receiver reported: ")
                    .append(events.lastError.lines().findFirst().orElse(""))
                    .append('\n');
        }
        return sb.toString();
    }

    /** Stops the context (not the SparkContext): Spark stops the receiver and calls its onStop(). */
    @Override
    public void close() {
        if (ssc.getState() == StreamingContextState.ACTIVE) {
            ssc.stop(false, false);
        }
        OUTPUT.remove(runId);
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
    }

    private void runBatch() {
        ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
        int before = events.completed;
        clock.advance(1000);
        batches++;
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        while (events.completed <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        report("batch " + batches + " did not finish within " + TIME_LIMIT.toSeconds() + " s"));
            }
            waitBriefly();
        }
    }

    private void awaitBlock(long deadline) {
        ReceiverTracker tracker = ssc.ssc().scheduler().receiverTracker();
        while (!tracker.hasUnallocatedBlocks() && System.nanoTime() < deadline) {
            failIfNotImplemented();
            waitBriefly();
        }
    }

    /** A bounded wait for the context (it returns at once if the context stops), as Spark's own tests wait. */
    private void waitBriefly() {
        try {
            ssc.awaitTerminationOrTimeout(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(title + ": interrupted", e);
        }
    }

    /** An unfilled TODO in the receiver stops it on the executor: say so as the skeleton does. */
    private void failIfNotImplemented() {
        if (notImplemented instanceof RuntimeException e) {
            throw e;
        }
        String error = events.lastError;
        if (error != null && MissingSolutionException.messageOf(new RuntimeException(error)) != null) {
            throw new IllegalStateException("The receiver stopped: " + error);
        }
    }

    /** What the receiver and the batches report, on Spark's listener thread. */
    private static final class Events implements StreamingListener {
        volatile int completed;
        volatile String stopped;
        volatile String lastError;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
            completed++;
        }

        @Override
        public void onReceiverError(StreamingListenerReceiverError error) {
            note(error.receiverInfo().lastErrorMessage(), error.receiverInfo().lastError());
        }

        @Override
        public void onReceiverStopped(StreamingListenerReceiverStopped stopped) {
            note(
                    stopped.receiverInfo().lastErrorMessage(),
                    stopped.receiverInfo().lastError());
            String message = stopped.receiverInfo().lastErrorMessage();
            this.stopped = message == null || message.isEmpty() ? "(no reason given)" : message;
        }

        private void note(String message, String error) {
            if (error != null && !error.isEmpty()) {
                lastError = error;
            } else if (message != null && !message.isEmpty()) {
                lastError = message;
            }
        }
    }
}
