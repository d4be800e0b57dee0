package streamlab.support;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverError;
import org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped;
import streamlab.support.view.SideBySide;

/**
 * The streams a lab program has started: its DStream context and its Structured queries. It starts the
 * part of each API that {@code --api} asks for (skipping, with its hint, a part whose exercise is not
 * written yet), waits until they end or {@code --seconds} have passed, and stops them all.
 */
public final class Running implements AutoCloseable {

    /** One API's part of a lab program: wires and starts it, returns the started context or query. */
    @FunctionalInterface
    public interface Part {
        Object start() throws Exception;
    }

    private final LabOptions options;
    private final List<JavaStreamingContext> contexts = new ArrayList<>();
    private final List<StreamingQuery> queries = new ArrayList<>();
    private final ReceiverErrors receiverErrors = new ReceiverErrors();
    private final Set<Api> started = EnumSet.noneOf(Api.class);

    private Running(LabOptions options) {
        this.options = options;
    }

    public static Running of(LabOptions options) {
        return new Running(options);
    }

    /** Starts {@code part} if {@code --api} includes {@code api}. */
    public void start(Api api, Part part) throws Exception {
        if (!options.api.includes(api)) {
            return;
        }
        Object started;
        try {
            started = part.start();
        } catch (Exception e) {
            String missing = MissingSolutionException.messageOf(e);
            if (missing == null) {
                throw e;
            }
            System.err.println("== " + api.label() + " part skipped: " + missing);
            return;
        }
        if (started instanceof JavaStreamingContext ssc) {
            ssc.addStreamingListener(receiverErrors);
            contexts.add(ssc);
        } else if (started instanceof StreamingQuery query) {
            queries.add(query);
        } else {
            throw new IllegalArgumentException("a part must return its started JavaStreamingContext or StreamingQuery");
        }
        this.started.add(api);
        SideBySide.started(api, started);
    }

    /** How many socket connections the started parts open: one per DStream receiver and per query. */
    public int readers() {
        int readers = queries.size();
        for (JavaStreamingContext ssc : contexts) {
            readers += ssc.ssc().graph().getReceiverInputStreams().length;
        }
        return readers;
    }

    /** Waits until a stream ends or fails, {@code --seconds} have passed, or Ctrl-C (or SIGTERM) came. */
    public void awaitEnd() throws Exception {
        if (contexts.isEmpty() && queries.isEmpty()) {
            throw new LabUsageException("Nothing to run yet: fill in the TODOs of "
                    + (options.api == Api.BOTH ? "either API" : "the " + options.api.label() + " part") + " first.");
        }
        SideBySide.running(started);
        System.out.println(
                "== running" + (options.seconds > 0 ? " for " + options.seconds + " s" : ": Ctrl-C to stop"));
        StopSignals.awaiting(true);
        try {
            awaitDeadline(options.seconds > 0 ? System.nanoTime() + options.seconds * 1_000_000_000L : Long.MAX_VALUE);
        } finally {
            StopSignals.awaiting(false);
        }
    }

    /** Waits until {@code deadline} (of {@link System#nanoTime}), a stream's end, or Ctrl-C. */
    private void awaitDeadline(long deadline) throws Exception {
        while (System.nanoTime() < deadline && !StopSignals.requested()) {
            if (receiverErrors.cannotConnect) {
                throw nothingListening();
            }
            for (JavaStreamingContext ssc : contexts) {
                if (ssc.awaitTerminationOrTimeout(50)) {
                    return; // stopped from elsewhere; an error would have been thrown
                }
            }
            for (StreamingQuery query : queries) {
                try {
                    if (query.awaitTermination(50)) {
                        return; // stopped from elsewhere
                    }
                } catch (StreamingQueryException failure) {
                    throw causedBy(failure, ConnectException.class) ? nothingListening() : failure;
                }
            }
        }
    }

    /** Stops every query and context (the SparkContext is the program's to stop). */
    @Override
    public void close() throws TimeoutException {
        for (StreamingQuery query : queries) {
            query.stop();
        }
        for (JavaStreamingContext ssc : contexts) {
            if (ssc.getState() == StreamingContextState.ACTIVE) {
                ssc.stop(false, false);
            }
        }
        SideBySide.finish(); // the rows still waiting for the other API
        System.out.println("== stopped.");
    }

    /** The one sentence for a line server that is not there (instead of Spark's stack trace). */
    private LabUsageException nothingListening() {
        return new LabUsageException("Nothing is listening on " + options.host + ":" + options.port
                + ". Start a line server first, in another terminal: netcat-sim/nc -lk " + options.port
                + " (or let the lab start one: --replay datasets/lines/hamlet.txt).");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Notices a DStream receiver that cannot connect (it would retry quietly forever). The Structured
     * socket source fails its query instead, with a ConnectException.
     */
    private static final class ReceiverErrors implements StreamingListener {
        volatile boolean cannotConnect;

        @Override
        public void onReceiverError(StreamingListenerReceiverError error) {
            look(error.receiverInfo().lastErrorMessage());
        }

        /** A receiver that cannot connect is stopped and restarted: the stop carries the reason. */
        @Override
        public void onReceiverStopped(StreamingListenerReceiverStopped stopped) {
            look(stopped.receiverInfo().lastErrorMessage());
        }

        private void look(String message) {
            if (message != null && message.contains("Error connecting to")) {
                cannotConnect = true;
            }
        }
    }
}
