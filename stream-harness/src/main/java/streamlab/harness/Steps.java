package streamlab.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of a run as both runners collect them: what the exercise output at each step, and what
 * was read beside it (a probe, an observed metric), which becomes {@link StreamResult#observed()}.
 */
final class Steps {

    private final List<StreamResult.Step> output = new ArrayList<>();
    private final List<StreamResult.Step> observed = new ArrayList<>();

    /** One step: the output elements (tuples, Rows, values) and one value read after it (or null). */
    void add(String name, List<String> input, List<?> elements, Object read) {
        output.add(new StreamResult.Step(name, input, rows(elements)));
        List<List<Object>> readRows = new ArrayList<>();
        readRows.add(Rows.asRow(read));
        observed.add(new StreamResult.Step(name, input, readRows));
    }

    /** One step whose observed part has several rows (one per micro-batch, say). */
    void add(String name, List<String> input, List<?> elements, List<?> read) {
        output.add(new StreamResult.Step(name, input, rows(elements)));
        observed.add(new StreamResult.Step(name, input, rows(read)));
    }

    /**
     * The result of the run; {@code observedLabel} says what was read after each step, or is null when
     * nothing was.
     */
    StreamResult result(String header, String observedLabel) {
        return result(header, observedLabel, null, null);
    }

    /** The result, with the column names of the output and of what was read beside it (or nulls). */
    StreamResult result(String header, String observedLabel, List<String> columns, List<String> observedColumns) {
        return result(header, observedLabel, columns, observedColumns, null);
    }

    /** The result, with its micro-batches as a result of their own (a Structured run), or null. */
    StreamResult result(
            String header,
            String observedLabel,
            List<String> columns,
            List<String> observedColumns,
            Steps microBatches) {
        StreamResult readBeside = observedLabel == null
                ? null
                : new StreamResult(header + ", " + observedLabel + ":", observed, null, observedColumns, null);
        StreamResult batches = microBatches == null
                ? null
                : new StreamResult(header + ", micro-batch by micro-batch:", microBatches.output, null, columns, null);
        return new StreamResult(header + ":", output, readBeside, columns, batches);
    }

    private static List<List<Object>> rows(List<?> elements) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object element : elements) {
            rows.add(Rows.asRow(element));
        }
        return rows;
    }

    /** A duration as a student reads it: {@code 2 s}, {@code 0.5 s}. */
    static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }
}
