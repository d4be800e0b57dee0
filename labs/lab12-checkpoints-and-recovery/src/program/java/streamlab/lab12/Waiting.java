package streamlab.lab12;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import streamlab.support.LabUsageException;

/** How long a pipeline of Lab12 runs, and the waits for its end (given code). */
final class Waiting {

    private Waiting() {}

    /** Prints how long the program runs; the time to stop at, for {@code seconds} (0: until Ctrl-C). */
    static long deadline(int seconds) {
        System.out.println("== running" + (seconds > 0 ? " for " + seconds + " s" : ": Ctrl-C (or kill) to stop"));
        return seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
    }

    /** Waits until the query ends, fails, or --seconds have passed; a checkpoint of another query gets one sentence. */
    static void awaitEnd(StreamingQuery query, boolean resuming, Path checkpoint, long deadline)
            throws StreamingQueryException {
        try {
            while (System.nanoTime() < deadline && !query.awaitTermination(100)) {
                // wait
            }
        } catch (StreamingQueryException e) {
            if (resuming && query.recentProgress().length == 0) {
                throw new LabUsageException("Spark cannot resume the checkpoint in " + checkpoint + ": it belongs to"
                        + " another query (another source, folder or topic); give --checkpoint a folder of its own, or"
                        + " delete " + checkpoint + " to start over.");
            }
            throw e;
        }
        System.out.println("== stopped.");
    }

    /**
     * DStream, once started: starts the feeder (if any), waits until the context stops or {@code seconds} have
     * passed (0: until Ctrl-C), and stops the context.
     */
    static void feedAndAwaitEnd(JavaStreamingContext ssc, int seconds, Runnable startFeeder)
            throws InterruptedException {
        System.out.println("== DStream: running" + (seconds > 0 ? " for " + seconds + " s" : ": Ctrl-C to stop"));
        if (startFeeder != null) {
            startFeeder.run();
        }
        if (seconds > 0) {
            ssc.awaitTerminationOrTimeout(seconds * 1000L);
        } else {
            ssc.awaitTermination();
        }
        ssc.stop(false, false);
        System.out.println("== stopped.");
    }
}
