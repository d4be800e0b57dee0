package streamlab.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Runs a Structured Streaming exercise step by step like {@link StructuredScript#lines}, and also reads
 * the <em>observed metrics</em> that the query reports for every micro-batch: the named metrics of
 * {@code Dataset.observe(name, expressions...)}.
 *
 * <pre>{@code
 * ObservedScript.lines(List.of("the cat"), List.of("a dog"))
 *     .metric("dropped")
 *     .outputMode("complete")
 *     .run(lines -> ExcludeStructured.keptCounts(lines, exclude))
 *     .metrics()
 *     .assertBatches(rows(row(1)), rows(row(1)));
 * }</pre>
 *
 * <p>Deterministic without waiting: a micro-batch's progress (with its observed metrics) is added to
 * {@code query.recentProgress()} by the query's own thread when the batch ends, before the query
 * looks for more data, and {@code processAllAvailable()} returns only after that look found none. (The
 * same progress also goes to every {@code StreamingQueryListener}, but on the listener bus's own thread,
 * maybe later.)
 *
 * <p>The result has two parts with one step per input batch: {@link Result#output()}, the rows the
 * sink received (as {@link StructuredScript#run} gives them), and {@link Result#metrics()}, one row per
 * micro-batch of the step with the metric's values, in the order of the observe expressions.
 */
public final class ObservedScript {

    /** What a run produced: the sink's rows per step, and the observed metric per micro-batch of each step. */
    public record Result(StreamResult output, StreamResult metrics) {}

    private final List<List<String>> batches;
    private String outputMode = "append";
    private String metric = "metric";
    private String title = "Structured run";

    private ObservedScript(List<List<String>> batches) {
        this.batches = batches;
    }

    /** A script of text lines: each argument is one batch of input (column {@code value}). */
    @SafeVarargs
    public static ObservedScript lines(List<String>... batches) {
        return new ObservedScript(new ArrayList<>(Arrays.asList(batches)));
    }

    /** A script of lines given as a list of batches. */
    public static ObservedScript linesFrom(List<List<String>> batches) {
        return new ObservedScript(new ArrayList<>(batches));
    }

    /** The name of the observed metric to read: the first argument of {@code observe(name, ...)}. */
    public ObservedScript metric(String name) {
        this.metric = name;
        return this;
    }

    /** append (default), update or complete. */
    public ObservedScript outputMode(String mode) {
        this.outputMode = mode;
        return this;
    }

    public ObservedScript title(String title) {
        this.title = title;
        return this;
    }

    /** Runs the exercise; step k's rows are all the rows its micro-batches wrote (complete: the last table). */
    public Result run(Function<Dataset<Row>, Dataset<Row>> exercise) {
        SparkSession spark = TestSpark.session();
        String runId = UUID.randomUUID().toString();
        Collector.open(runId);
        StreamingQuery query = null;
        boolean lastTableOnly = outputMode.equals("complete");
        try {
            MemoryInput<String> in = MemoryInput.of(Encoders.STRING(), spark);
            Dataset<Row> output = exercise.apply(in.toDF());
            if (output == null) {
                throw new AssertionError("the exercise returned null instead of a Dataset");
            }
            query = output.writeStream()
                    .outputMode(outputMode)
                    .option("checkpointLocation", TestSpark.newDirectory("query-checkpoint-").toString())
                    .foreachBatch((Dataset<Row> batch, Long id) -> Collector.add(runId, id, batch.collectAsList()))
                    .start();
            List<StreamResult.Step> outputSteps = new ArrayList<>();
            List<StreamResult.Step> metricSteps = new ArrayList<>();
            long seen = -1;
            for (int k = 1; k <= batches.size(); k++) {
                in.add(batches.get(k - 1));
                query.processAllAvailable();
                TreeMap<Long, List<Object>> all = Collector.snapshot(runId);
                List<List<Object>> rows = new ArrayList<>();
                List<List<Object>> metricRows = new ArrayList<>();
                List<Long> ids = new ArrayList<>();
                for (Map.Entry<Long, List<Object>> e : all.tailMap(seen, false).entrySet()) {
                    ids.add(e.getKey());
                    if (lastTableOnly) {
                        rows.clear();
                    }
                    for (Object r : e.getValue()) {
                        rows.add(Rows.asRow(r));
                    }
                    metricRows.add(Rows.asRow(observed(query, e.getKey())));
                    seen = e.getKey();
                }
                String name = "step " + k + " (micro-batch" + (ids.size() == 1 ? " " : "es ") + ids + ")";
                List<String> input = new ArrayList<>(batches.get(k - 1));
                outputSteps.add(new StreamResult.Step(name, input, rows));
                metricSteps.add(new StreamResult.Step(name, input, metricRows));
            }
            String header = title + ", output mode " + outputMode;
            String metricHeader = header + ", observed metric \"" + metric + "\" of each micro-batch:";
            return new Result(new StreamResult(header + ":", outputSteps), new StreamResult(metricHeader, metricSteps));
        } catch (Exception e) {
            throw StructuredScript.unwrap(e);
        } finally {
            StructuredScript.stopQuietly(query);
            Collector.close(runId);
        }
    }

    /**
     * The metric row that micro-batch {@code batchId} reported; a row with a note instead when it reported
     * none of that name (so the test's assertion shows it in the run, next to the expected values).
     */
    private Object observed(StreamingQuery query, long batchId) {
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
            throw new IllegalStateException(title + ": the query has no progress for micro-batch " + batchId
                    + " after processAllAvailable()");
        }
        if (found == null || !found.observedMetrics().containsKey(metric)) {
            String names = found == null ? "none" : String.join(", ", found.observedMetrics().keySet());
            return "no observed metric \"" + metric + "\" (metrics reported: " + names
                    + "; name it with Dataset.observe(\"" + metric + "\", ...))";
        }
        return found.observedMetrics().get(metric);
    }
}
