package streamlab.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * What a scripted run produced, step by step: each step is one input batch and the rows the exercise
 * output for it. Assertions compare a step's rows as a multiset (order does not matter) and, when they
 * fail, print the whole run with input, expected and actual side by side.
 *
 * <p>A run may also have read something after every step, beside the output: a DStream run's probe (an
 * accumulator's value, say) or a Structured run's observed metric. That is {@link #observed()}, a
 * result of the same kind with one step per step of the run.
 */
public final class StreamResult {

    /** One step of a run: its name, the input it was given, and the rows that came out. */
    public record Step(String name, List<String> input, List<List<Object>> output) {}

    private final String title;
    private final List<Step> steps;
    private final StreamResult observed;
    private final List<String> columns;
    private final StreamResult microBatches;

    StreamResult(String title, List<Step> steps) {
        this(title, steps, null, null, null);
    }

    StreamResult(
            String title, List<Step> steps, StreamResult observed, List<String> columns, StreamResult microBatches) {
        this.title = title;
        this.steps = List.copyOf(steps);
        this.observed = observed;
        this.columns = columns;
        this.microBatches = microBatches;
    }

    /**
     * A Structured run's output micro-batch by micro-batch (a step may run several, or none): one step
     * per micro-batch, named by its id, with what that micro-batch alone wrote.
     */
    public StreamResult microBatches() {
        if (microBatches == null) {
            throw new IllegalStateException(title + " has no micro-batches: only a Structured run has them");
        }
        return microBatches;
    }

    /** The names of the output's columns, as a Structured query's schema has them (null for a DStream). */
    public List<String> columns() {
        return columns;
    }

    /** The output's columns must have these names, in this order (a Structured result table's schema). */
    public StreamResult assertColumns(String... expected) {
        if (columns == null) {
            throw new IllegalStateException(title + " has no column names: only a Structured run's output has them");
        }
        if (!columns.equals(List.of(expected))) {
            throw new AssertionFailedError(
                    title + "\nThe output's columns must be named " + List.of(expected) + ", but they are " + columns
                            + ". Name them with as(...), alias(...) or toDF(...).",
                    List.of(expected).toString(),
                    columns.toString());
        }
        return this;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The rows of step {@code k}, counting from 1. */
    public List<List<Object>> batch(int k) {
        return step(k).output();
    }

    /** The rows of the last step. */
    public List<List<Object>> last() {
        return steps.get(steps.size() - 1).output();
    }

    /**
     * What the run read after each step beside its output: the probe of a DStream run, the observed
     * metric of a Structured run.
     *
     * @throws IllegalStateException when the run was not asked to read anything
     */
    public StreamResult observed() {
        if (observed == null) {
            throw new IllegalStateException(title + " read nothing beside its output: give the script a probe"
                    + " (DStreamScript.probe) or a metric (StructuredScript.metric)");
        }
        return observed;
    }

    /** Every step must produce exactly these rows: one argument per step, in order. */
    @SafeVarargs
    public final StreamResult assertBatches(List<List<Object>>... expected) {
        if (expected.length != steps.size()) {
            throw new IllegalArgumentException(
                    "the test gives " + expected.length + " expected batches for " + steps.size() + " steps");
        }
        Map<Integer, List<List<Object>>> byStep = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            byStep.put(i + 1, expected[i]);
        }
        return check(byStep, null);
    }

    /** Step {@code k} (from 1) must produce exactly these rows. */
    public StreamResult assertBatch(int k, List<List<Object>> expected) {
        step(k);
        return check(Map.of(k, expected), null);
    }

    /** The last step must produce exactly these rows. */
    public StreamResult assertLast(List<List<Object>> expected) {
        return assertBatch(steps.size(), expected);
    }

    /**
     * Each step must produce exactly the rows that step of {@code other} produced: the same exercise in
     * the other API, say, on the same input. {@code otherName} says in a failure report where the
     * expected rows come from.
     */
    public StreamResult assertSameAs(String otherName, StreamResult other) {
        if (other.steps.size() != steps.size()) {
            throw new AssertionFailedError(title + "\nhas " + steps.size() + " steps, but " + otherName + " has "
                    + other.steps.size() + ": the two runs must be given the same input batches.");
        }
        Map<Integer, List<List<Object>>> byStep = new HashMap<>();
        for (int i = 0; i < other.steps.size(); i++) {
            byStep.put(i + 1, other.steps.get(i).output());
        }
        return check(byStep, otherName);
    }

    private StreamResult check(Map<Integer, List<List<Object>>> expected, String expectedFrom) {
        for (int k = 1; k <= steps.size(); k++) {
            List<List<Object>> want = expected.get(k);
            if (want != null && !sameRows(want, steps.get(k - 1).output())) {
                throw new AssertionFailedError(
                        report(expected, k, expectedFrom),
                        Rows.renderAll(want),
                        Rows.renderAll(steps.get(k - 1).output()));
            }
        }
        return this;
    }

    /**
     * The run as a student reads it; {@code =>} marks step {@code failing}.
     *
     * @param expectedFrom where the expected rows come from when they are another run's output, or null
     */
    String report(Map<Integer, List<List<Object>>> expected, int failing, String expectedFrom) {
        StringBuilder sb = new StringBuilder();
        Step bad = steps.get(failing - 1);
        sb.append(title)
                .append('\n')
                .append("Wrong rows at ")
                .append(bad.name())
                .append(". The whole run (=> marks it):\n");
        for (int k = 1; k <= steps.size(); k++) {
            Step s = steps.get(k - 1);
            sb.append(k == failing ? "=> " : "   ").append(s.name()).append('\n');
            sb.append(line("input", s.input().isEmpty() ? "(no lines)" : String.join("  ", quoted(s.input()))));
            List<List<Object>> want = expected.get(k);
            if (want != null) {
                sb.append(line("expected", Rows.renderAll(want)));
            }
            sb.append(line("actual", Rows.renderAll(s.output())));
            if (k == failing && want != null) {
                List<List<Object>> missing = minus(want, s.output());
                List<List<Object>> unexpected = minus(s.output(), want);
                if (!missing.isEmpty()) {
                    sb.append(line("missing", Rows.renderAll(missing)));
                }
                if (!unexpected.isEmpty()) {
                    sb.append(line("unexpected", Rows.renderAll(unexpected)));
                }
            }
        }
        if (expectedFrom != null) {
            sb.append("(\"expected\" here is what ").append(expectedFrom).append(" gave for the same input)\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return report(Map.of(), 1, null).replaceFirst("Wrong rows at .*\n", "").replace("=> ", "   ");
    }

    static String line(String label, String text) {
        return String.format("      %-10s %s%n", label, text);
    }

    static List<String> quoted(List<String> input) {
        List<String> q = new ArrayList<>();
        for (String s : input) {
            String shown = s.length() > 60 ? s.substring(0, 57) + "...(" + s.length() + " chars)" : s;
            q.add("\"" + shown.replace("\t", "\\t") + "\"");
        }
        return q;
    }

    private Step step(int k) {
        if (k < 1 || k > steps.size()) {
            throw new IllegalArgumentException("no step " + k + ": the run has steps 1 to " + steps.size());
        }
        return steps.get(k - 1);
    }

    static boolean sameRows(List<List<Object>> a, List<List<Object>> b) {
        return a.size() == b.size() && minus(a, b).isEmpty();
    }

    /** The rows of {@code a} that {@code b} does not have (as multisets). */
    static List<List<Object>> minus(List<List<Object>> a, List<List<Object>> b) {
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
