package streamlab.lab07;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import streamlab.support.LabUsageException;
import streamlab.support.Running;

/**
 * The queries started on a checkpoint an earlier run left, with that checkpoint: when one of them fails
 * before its first micro-batch, it could not resume the checkpoint, and that is said in one sentence
 * instead of Spark's stack trace.
 */
final class ResumedCheckpoints {

    private final Map<StreamingQuery, Path> resumed = new LinkedHashMap<>();

    /** Starts a query on {@code checkpoint}, remembered if an earlier run left that checkpoint. */
    StreamingQuery start(Path checkpoint, Callable<StreamingQuery> start) throws Exception {
        boolean resuming = Files.exists(checkpoint.resolve("metadata"));
        StreamingQuery query = start.call();
        if (resuming) {
            resumed.put(query, checkpoint);
        }
        return query;
    }

    /**
     * Waits as {@code --seconds} says (available-now: until both queries have read everything). A query
     * that fails before its first micro-batch on a checkpoint of an earlier run could not resume it.
     */
    void awaitEnd(SparkSession spark, Running running, boolean availableNow) throws Exception {
        try {
            if (availableNow && spark.streams().active().length > 0) {
                for (StreamingQuery query : spark.streams().active()) {
                    query.awaitTermination();
                }
            } else {
                running.awaitEnd();
            }
        } catch (StreamingQueryException e) {
            for (Map.Entry<StreamingQuery, Path> q : resumed.entrySet()) {
                if (q.getKey().exception().isDefined() && q.getKey().recentProgress().length == 0) {
                    throw new LabUsageException("Spark cannot resume the checkpoint in " + q.getValue()
                            + ": it belongs to another query (another source or folder); give --checkpoint a folder"
                            + " of its own, or delete " + q.getValue() + " to start over.");
                }
            }
            throw e;
        }
    }
}
