package streamlab.lab10;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.opentest4j.AssertionFailedError;
import streamlab.harness.MemoryInput;
import streamlab.harness.Rows;
import streamlab.harness.TestSpark;

/**
 * A Structured query whose sink is the exercise's own (foreachBatch, a ForeachWriter), run step by step
 * on a memory stream (each step's lines spread over 2 partitions) with {@code processAllAvailable()}, and
 * started again on the same checkpoint after a failure, as a restarted program is. What the test checks
 * is the database table; a wrong table is reported with every step's input, the expected rows and the
 * table's rows.
 */
final class QueryRun implements AutoCloseable {

    private final String title;
    private final Function<Dataset<Row>, DataStreamWriter<Row>> sink;
    private final MemoryInput<String> input = MemoryInput.of(Encoders.STRING(), TestSpark.session());
    private final Dataset<Row> lines = input.toDF();
    private final Path checkpoint = TestSpark.newDirectory("lab10-query-");
    private final List<String> log = new ArrayList<>();
    private StreamingQuery query;

    private QueryRun(String title, Function<Dataset<Row>, DataStreamWriter<Row>> sink) {
        this.title = title;
        this.sink = sink;
    }

    /** A run of {@code sink} (the exercise's writer, to which the run adds only the checkpoint). */
    static QueryRun of(String title, Function<Dataset<Row>, DataStreamWriter<Row>> sink) {
        QueryRun run = new QueryRun(title, sink);
        run.query = run.start();
        return run;
    }

    private StreamingQuery start() {
        DataStreamWriter<Row> writer = sink.apply(lines);
        if (writer == null) {
            throw new AssertionError("the exercise returned null instead of a DataStreamWriter");
        }
        try {
            return writer.option("checkpointLocation", checkpoint.toString()).start();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One step: these lines arrive, and every micro-batch they cause runs; a failure is the test's failure. */
    void step(String... batch) {
        add(batch);
        try {
            TestSpark.processAll(query);
        } catch (Exception e) { // StreamingQueryException, undeclared in Java
            throw new AssertionFailedError(
                    report(
                            "step " + log.size() + " failed: " + message(e) + "\nThe query should have written it.",
                            null,
                            null),
                    e);
        }
    }

    /** One step whose micro-batch must fail (the test made the database fail); returns the failure. */
    Throwable failingStep(String why, String... batch) {
        add(batch);
        log.set(log.size() - 1, log.get(log.size() - 1) + "   <- " + why);
        try {
            TestSpark.processAll(query);
        } catch (Exception e) {
            if (query.isActive()) {
                throw new AssertionFailedError(title + ": the query failed but is still active.");
            }
            return e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionFailedError(report(
                "step " + log.size() + " should have failed (" + why + "), but the query"
                        + " went on: it took the batch as written and will never run it again. Let the exception out of"
                        + " the sink (rollback, then throw it again).",
                null,
                null));
    }

    /** A new query on the same checkpoint, as a restarted program starts: it runs again what was not committed. */
    void restart() {
        stop();
        log.add("(restart: a new query on the same checkpoint)");
        query = start();
        try {
            TestSpark.processAll(query);
        } catch (Exception e) {
            throw new AssertionFailedError(
                    report(
                            "after the restart, Spark ran the uncommitted batch again, and it" + " failed: "
                                    + message(e),
                            null,
                            null),
                    e);
        }
    }

    /**
     * A new query on the same checkpoint whose run of the uncommitted batch must fail (the test made the
     * database fail); returns the failure.
     */
    Throwable failingRestart(String why) {
        stop();
        log.add("(restart: a new query on the same checkpoint; Spark runs the uncommitted batch again)   <- " + why);
        query = start();
        try {
            TestSpark.processAll(query);
        } catch (Exception e) {
            return e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        }
        throw new AssertionFailedError(report(
                "after the restart, the batch run again should have failed (" + why
                        + "), but the query went on. Let the exception out of the sink (rollback, then throw it again).",
                null,
                null));
    }

    /** The batch ids the checkpoint records as committed ({@code commits/}), in order. */
    List<Long> committed() {
        return ids("commits");
    }

    /** The batch ids the checkpoint has planned ({@code offsets/}, written before a batch runs), in order. */
    List<Long> planned() {
        return ids("offsets");
    }

    /** The table must hold exactly these rows (in any order). */
    void assertTable(String table, List<List<Object>> expected, List<?> tableRows) {
        List<List<Object>> actual = new ArrayList<>();
        for (Object r : tableRows) {
            actual.add(Rows.asRow(r));
        }
        List<List<Object>> missing = minus(expected, actual);
        List<List<Object>> unexpected = minus(actual, expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new AssertionFailedError(
                    report("Wrong rows in the table " + table + " after step " + stepCount() + ".", expected, actual)
                            + (missing.isEmpty() ? "" : line("missing", Rows.renderAll(missing)))
                            + (unexpected.isEmpty() ? "" : line("unexpected", Rows.renderAll(unexpected))),
                    Rows.renderAll(expected),
                    Rows.renderAll(actual));
        }
    }

    /** What the run did so far, for a failure message of the test's own. */
    String report(String problem, List<List<Object>> expected, List<List<Object>> actual) {
        StringBuilder sb = new StringBuilder(title).append('\n').append(problem).append("\nThe steps so far:\n");
        for (String step : log) {
            sb.append("   ").append(step).append('\n');
        }
        if (expected != null) {
            sb.append(line("expected", Rows.renderAll(expected))).append(line("actual", Rows.renderAll(actual)));
        }
        return sb.toString();
    }

    @Override
    public void close() {
        stop();
    }

    private void add(String... batch) {
        input.add(Arrays.asList(batch));
        List<String> quoted = Arrays.stream(batch).map(l -> "\"" + l + "\"").toList();
        log.add("step " + (stepCount() + 1) + ": " + (batch.length == 0 ? "(no lines)" : String.join("  ", quoted)));
    }

    private int stepCount() {
        return (int) log.stream().filter(s -> s.startsWith("step ")).count();
    }

    private void stop() {
        if (query != null) {
            try {
                query.stop();
            } catch (TimeoutException ignored) {
                // a test query: nothing more to do
            }
        }
    }

    private List<Long> ids(String folder) {
        Path dir = checkpoint.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d+"))
                    .map(Long::parseLong)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
        String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String line(String label, String text) {
        return String.format("      %-10s %s%n", label, text);
    }

    private static List<List<Object>> minus(List<List<Object>> a, List<List<Object>> b) {
        List<List<Object>> rest = new ArrayList<>(b);
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : a) {
            if (!rest.remove(row)) {
                out.add(row);
            }
        }
        return out;
    }
}
