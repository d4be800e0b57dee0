package streamlab.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.opentest4j.AssertionFailedError;
import streamlab.support.MissingSolutionException;

/**
 * A DStream batch that failed (or never ended): the test stops at once, with the run up to that batch as a
 * student reads a failure, input and actual output batch by batch, and the batch that failed marked. A TODO
 * that is still there is passed on as it is ("not implemented").
 */
final class DStreamFailure {

    private DStreamFailure() {}

    /** Throws the report (or returns the "not implemented" exception as it is, for the caller to throw). */
    static RuntimeException report(
            String title,
            long batchMs,
            Throwable e,
            int failing,
            int total,
            long start,
            String runId,
            IntFunction<List<String>> input) {
        if (MissingSolutionException.isMissingSolution(e)) {
            if (e instanceof RuntimeException re) {
                return re;
            }
            throw (Error) e;
        }
        TreeMap<Long, List<Object>> byTime = Collector.snapshot(runId);
        StringBuilder sb = new StringBuilder();
        sb.append(title)
                .append(", ")
                .append(Steps.seconds(batchMs))
                .append(" batches:\n")
                .append("batch ")
                .append(failing)
                .append(" (t=")
                .append(Steps.seconds(failing * batchMs))
                .append(") failed, so the run stopped there: ")
                .append(describe(e))
                .append('\n')
                .append("The run up to that batch (=> marks it):\n");
        for (int k = 1; k <= total; k++) {
            sb.append(k == failing ? "=> " : "   ")
                    .append("batch ")
                    .append(k)
                    .append(" (t=")
                    .append(Steps.seconds(k * batchMs))
                    .append(")");
            sb.append(k > failing ? ", never ran\n" : "\n");
            if (k > failing) {
                continue;
            }
            List<String> in = input.apply(k);
            sb.append(StreamResult.line(
                    "input", in.isEmpty() ? "(no lines)" : String.join("  ", StreamResult.quoted(in))));
            List<List<Object>> rows = new ArrayList<>();
            for (Object o : byTime.getOrDefault(start + k * batchMs, List.of())) {
                rows.add(Rows.asRow(o));
            }
            sb.append(StreamResult.line(
                    "actual", k == failing && rows.isEmpty() ? "(failed: no output)" : Rows.renderAll(rows)));
        }
        throw new AssertionFailedError(sb.toString(), e);
    }

    private static String describe(Throwable e) {
        if (e instanceof AssertionError) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getClass().getName() + ": " + e.getMessage();
    }
}
