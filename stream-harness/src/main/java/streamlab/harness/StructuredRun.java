package streamlab.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.opentest4j.AssertionFailedError;
import streamlab.support.MissingSolutionException;

/** One run of a {@link StructuredScript}: its queries, its steps, and what it collects. */
final class StructuredRun {

    private final StructuredInput in;
    private final String title;
    private final String metric;
    private final String probeName;
    private final Function<StreamingQuery, Object> probe;
    private final int restartAfter;
    private final boolean restartEachStep;

    StructuredRun(
            StructuredInput in,
            String title,
            String metric,
            String probeName,
            Function<StreamingQuery, Object> probe,
            int restartAfter,
            boolean restartEachStep) {
        this.in = in;
        this.title = title;
        this.metric = metric;
        this.probeName = probeName;
        this.probe = probe;
        this.restartAfter = restartAfter;
        this.restartEachStep = restartEachStep;
    }

    StreamResult run(Function<Dataset<Row>, DataStreamWriter<Row>> wiring, boolean lastTableOnly, String modeText) {
        if (restartAfter != 0 && (restartAfter < 1 || restartAfter >= in.size())) {
            throw new IllegalArgumentException("restartAfter(" + restartAfter + "): the script has steps 1 to "
                    + in.size() + ", and a restart needs a step after it");
        }
        String runId = UUID.randomUUID().toString();
        Path checkpoint = TestSpark.newDirectory("query-checkpoint-");
        Collector.open(runId);
        StreamingQuery query = null;
        List<StreamResult.Step> done = new ArrayList<>(); // the steps so far, for the report of a failed one
        try {
            Steps steps = new Steps();
            Steps microBatches = new Steps();
            List<String> observedColumns = null;
            long seen = -1;
            for (int k = 1; k <= in.size(); k++) {
                if (query == null && !restartEachStep) {
                    query = startQuery(wiring, in.frame(), checkpoint, runId);
                }
                in.add(k - 1);
                if (restartEachStep) {
                    query = startQuery(wiring, in.frame(), checkpoint, runId);
                }
                TestSpark.processAll(query);
                if (query.exception().isDefined()) {
                    throw query.exception().get();
                }
                List<Object> rows = new ArrayList<>();
                List<Object> metrics = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (Map.Entry<Long, List<Object>> e :
                        Collector.snapshot(runId).tailMap(seen, false).entrySet()) {
                    ids.add(e.getKey());
                    if (lastTableOnly) {
                        rows.clear();
                    }
                    rows.addAll(e.getValue());
                    microBatches.add(
                            "micro-batch " + e.getKey() + " (step " + k + ")",
                            in.describe(k - 1),
                            e.getValue(),
                            (Object) null);
                    if (metric != null) {
                        Object read = ObservedMetric.of(query, e.getKey(), metric, title);
                        metrics.add(read);
                        if (read instanceof Row r && r.schema() != null) {
                            observedColumns = List.of(r.schema().fieldNames());
                        }
                    }
                    seen = e.getKey();
                }
                String after = restartAfter > 0 && k > restartAfter ? ", after the restart" : "";
                String name = "step " + k + " (micro-batch" + (ids.size() == 1 ? " " : "es ") + ids + after + ")";
                done.add(new StreamResult.Step(name, in.describe(k - 1), asRows(rows)));
                if (probe != null) {
                    steps.add(name, in.describe(k - 1), rows, probe.apply(query));
                } else {
                    steps.add(name, in.describe(k - 1), rows, metrics);
                }
                if (restartEachStep || k == restartAfter) {
                    stopQuietly(query);
                    query = null;
                }
            }
            String restarted = restartEachStep
                    ? ", a new query for every step"
                    : restartAfter > 0 ? ", restarted from the checkpoint after step " + restartAfter : "";
            String observedLabel = metric != null
                    ? "observed metric \"" + metric + "\" of each micro-batch"
                    : probe != null ? probeName + " after each step" : null;
            return steps.result(
                    title + ", " + modeText + restarted,
                    observedLabel,
                    Collector.columnsOf(runId),
                    observedColumns,
                    microBatches);
        } catch (Exception e) {
            RuntimeException cause = unwrap(e);
            if (done.isEmpty() && !(e instanceof StreamingQueryException)
                    || MissingSolutionException.isMissingSolution(cause)) {
                throw cause; // refused at its start (or a TODO): there is no run to show
            }
            throw failedAt(cause, done, modeText);
        } finally {
            stopQuietly(query);
            Collector.close(runId);
        }
    }

    /**
     * A micro-batch that failed: the test stops at once, with the steps so far as a student reads a failure
     * (input and actual output, step by step) and the step that failed marked.
     */
    private AssertionFailedError failedAt(RuntimeException cause, List<StreamResult.Step> done, String modeText) {
        int failing = done.size() + 1;
        StringBuilder sb = new StringBuilder(title)
                .append(", ")
                .append(modeText)
                .append(":\n")
                .append("step ")
                .append(failing)
                .append(" failed, so the run stopped there: ")
                .append(
                        cause.getMessage() == null
                                ? cause.toString()
                                : cause.getClass().getName() + ": " + cause.getMessage())
                .append('\n')
                .append("The run up to that step (=> marks it):\n");
        for (int k = 1; k <= in.size(); k++) {
            if (k < failing) {
                StreamResult.Step step = done.get(k - 1);
                sb.append("   ").append(step.name()).append('\n');
                sb.append(StreamResult.line(
                        "input",
                        step.input().isEmpty() ? "(no lines)" : String.join("  ", StreamResult.quoted(step.input()))));
                sb.append(StreamResult.line("actual", Rows.renderAll(step.output())));
            } else if (k == failing) {
                List<String> input = in.describe(k - 1);
                sb.append("=> step ").append(k).append('\n');
                sb.append(StreamResult.line(
                        "input", input.isEmpty() ? "(no lines)" : String.join("  ", StreamResult.quoted(input))));
                sb.append(StreamResult.line("actual", "(failed: no output)"));
            } else {
                sb.append("   step ").append(k).append(", never ran\n");
            }
        }
        return new AssertionFailedError(sb.toString(), cause);
    }

    private static List<List<Object>> asRows(List<Object> elements) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object element : elements) {
            rows.add(Rows.asRow(element));
        }
        return rows;
    }

    private static StreamingQuery startQuery(
            Function<Dataset<Row>, DataStreamWriter<Row>> wiring, Dataset<Row> frame, Path checkpoint, String runId)
            throws TimeoutException {
        return wiring.apply(frame)
                .option("checkpointLocation", checkpoint.toString())
                .foreachBatch((Dataset<Row> batch, Long id) -> {
                    Collector.add(runId, id, batch.collectAsList());
                    Collector.columns(runId, batch.columns());
                })
                .start();
    }

    /**
     * What a test should see of a failed run: {@code processAllAvailable} rethrows a failed batch as a
     * StreamingQueryException (undeclared in Java), whose cause is the exercise's own exception.
     */
    private static RuntimeException unwrap(Exception e) {
        Throwable cause = e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new RuntimeException(cause.getMessage(), cause);
    }

    private static void stopQuietly(StreamingQuery query) {
        if (query != null) {
            try {
                query.stop();
            } catch (TimeoutException ignored) {
                // stopping a test query: nothing more to do
            }
        }
    }
}
