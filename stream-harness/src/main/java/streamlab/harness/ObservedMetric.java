package streamlab.harness;

import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Reads the observed metric of one micro-batch from its query's progress: the named metrics of
 * {@code Dataset.observe(name, expressions...)}.
 *
 * <p>Deterministic without waiting: a micro-batch's progress (with its observed metrics) is added to
 * {@code query.recentProgress()} by the query's own thread when the batch ends, before the query looks
 * for more data, and {@code processAllAvailable()} returns only after that look found none. (The same
 * progress also goes to every {@code StreamingQueryListener}, but on the listener bus's own thread,
 * maybe later.)
 */
final class ObservedMetric {

    private ObservedMetric() {}

    /**
     * The metric row that micro-batch {@code batchId} reported; a note instead when it reported none of
     * that name (so the test's assertion shows it in the run, next to the expected values).
     */
    static Object of(StreamingQuery query, long batchId, String metric, String title) {
        StreamingQueryProgress found = null;
        boolean reported = false;
        for (StreamingQueryProgress p : query.recentProgress()) {
            if (p.batchId() == batchId) {
                reported = true;
                if (p.observedMetrics() != null && !p.observedMetrics().isEmpty()) {
                    found = p;
                }
            }
        }
        if (!reported) {
            throw new IllegalStateException(
                    title + ": the query has no progress for micro-batch " + batchId + " after processAllAvailable()");
        }
        if (found == null || !found.observedMetrics().containsKey(metric)) {
            String names = found == null
                    ? "none"
                    : String.join(", ", found.observedMetrics().keySet());
            return "no observed metric \"" + metric + "\" (metrics reported: " + names
                    + "; name it with Dataset.observe(\"" + metric + "\", ...))";
        }
        return found.observedMetrics().get(metric);
    }
}
