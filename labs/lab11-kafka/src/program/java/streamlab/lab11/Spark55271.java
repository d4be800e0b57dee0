package streamlab.lab11;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

/**
 * A bug of Spark 4.1.0 the program works around (given code). A query on the Kafka source that starts
 * again from a checkpoint whose last batch was planned but not committed (the program was killed, or
 * stopped, between the two) runs that batch again, commits it, and then fails while it reports the
 * batch's progress: a NullPointerException in {@code KafkaMicroBatchStream.metrics} (SPARK-55271, fixed in
 * Spark 4.1.3). Started once more, the query goes on as it should.
 */
final class Spark55271 {

    /** How long to wait for the batch run again before leaving the query to itself. */
    private static final long REPLAY_WAIT_MS = 300_000;

    private Spark55271() {}

    /** True when {@code failure}, or one of its causes, is that NullPointerException. */
    static boolean isIt(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof NullPointerException && Arrays.stream(t.getStackTrace()).anyMatch(Spark55271::inMetrics)) {
                return true;
            }
        }
        return false;
    }

    /** A frame of {@code KafkaMicroBatchStream.metrics} (the Scala object's class name ends in {@code $}). */
    private static boolean inMetrics(StackTraceElement frame) {
        return frame.getMethodName().equals("metrics")
                && frame.getClassName().startsWith("org.apache.spark.sql.kafka010.KafkaMicroBatchStream");
    }

    /**
     * Starts {@code writer}. When its checkpoint has an unfinished batch, waits until Spark has run it again;
     * if the query then fails with SPARK-55271, says so and starts it once more from its checkpoint.
     */
    static StreamingQuery start(DataStreamWriter<Row> writer, Path checkpoint)
            throws TimeoutException, StreamingQueryException {
        boolean replays = QueryCheckpoint.hasUnfinishedBatch(checkpoint);
        StreamingQuery query = writer.start();
        if (!replays) {
            return query;
        }
        long deadline = System.currentTimeMillis() + REPLAY_WAIT_MS;
        try {
            while (query.lastProgress() == null && System.currentTimeMillis() < deadline) {
                if (query.awaitTermination(100)) {
                    return query; // stopped from elsewhere
                }
            }
            return query;
        } catch (StreamingQueryException failure) {
            if (!isIt(failure)) {
                throw failure;
            }
            System.out.println("== the query ran the batch its checkpoint had left unfinished again (at-least-once:"
                    + " its records may now be in the topic twice), then Spark 4.1.0 failed in"
                    + " KafkaMicroBatchStream.metrics (SPARK-55271, fixed in 4.1.3); starting it once more from"
                    + " " + checkpoint);
            return writer.start();
        }
    }
}
