package streamlab.lab09;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.at;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.Rows.window;
import static streamlab.harness.StructuredScript.event;
import static streamlab.lab09.Outcome.CHANGED_ROWS;
import static streamlab.lab09.Outcome.FINAL_ROWS;
import static streamlab.lab09.Outcome.NEW_ROWS;
import static streamlab.lab09.Outcome.REFUSED;
import static streamlab.lab09.Outcome.WHOLE_TABLE;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

/**
 * The output-mode matrix: each test is one row of it. It checks your {@code OutputModes.outcome} for
 * the three modes, then runs the query in each mode on the same two steps of activities with their
 * event time, and shows what Spark writes, or its exact refusal:
 * step 1 brings sit at 1 s, stairsup at 2 s, sit at 3 s; step 2 brings walk at 16 s.
 */
@LabTest(lab = "09", api = Api.STRUCTURED)
class Lab09OutputModesTest {

    // Spark 4's words (Spark 3 said "Complete output mode not supported when there are no streaming
    // aggregations on streaming DataFrames/Datasets", and so on)
    private static final String NO_AGGREGATION = "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming"
            + " output mode: complete. This output mode is not supported for no streaming aggregations on streaming"
            + " DataFrames/DataSets.";
    private static final String NO_WATERMARK = "[STREAMING_OUTPUT_MODE.UNSUPPORTED_OPERATION] Invalid streaming"
            + " output mode: append. This output mode is not supported for streaming aggregations without watermark"
            + " on streaming DataFrames/DataSets.";
    private static final String SORTING = "Sorting is not supported on streaming DataFrames/Datasets, unless it is on"
            + " aggregated DataFrame/Dataset in Complete output mode";

    /** One row of the matrix: a query, and what each mode does with it. */
    private record Matrix(MatrixQuery query) {

        private StructuredScript script(String mode) {
            return StructuredScript.events(
                            List.of(event(at(1), "sit"), event(at(2), "stairsup"), event(at(3), "sit")),
                            List.of(event(at(16), "walk")))
                    .title("Lab 09 MatrixQuery." + query + " in " + mode + " mode")
                    .outputMode(mode);
        }

        private void expect(String mode, Outcome outcome) {
            assertEquals(
                    outcome, OutputModes.outcome(query, mode), "OutputModes.outcome(" + query + ", \"" + mode + "\")");
        }

        /** In {@code mode} the query writes these rows at steps 1 and 2. */
        Matrix writes(String mode, Outcome outcome, List<List<Object>> step1, List<List<Object>> step2) {
            expect(mode, outcome);
            script(mode).run(query::on).assertBatches(step1, step2);
            return this;
        }

        /** In {@code mode} the query does not start: Spark says {@code message}. */
        Matrix refused(String mode, String message) {
            expect(mode, REFUSED);
            Exception e = assertThrows(
                    Exception.class,
                    () -> script(mode).run(query::on),
                    query + " in " + mode + " mode must be refused");
            assertTrue(e.getMessage().contains(message), "Spark's message is: " + e.getMessage());
            return this;
        }
    }

    @Test
    void a_select_and_filter_writes_new_rows_in_append_and_update_and_is_refused_in_complete() {
        new Matrix(MatrixQuery.SELECT_FILTER)
                .writes("append", NEW_ROWS, rows(row("stairsup")), none())
                .writes("update", NEW_ROWS, rows(row("stairsup")), none())
                .refused("complete", NO_AGGREGATION);
    }

    @Test
    void an_aggregation_without_watermark_is_refused_in_append() {
        new Matrix(MatrixQuery.AGGREGATION)
                .refused("append", NO_WATERMARK)
                .writes("update", CHANGED_ROWS, rows(row("sit", 2), row("stairsup", 1)), rows(row("walk", 1)))
                .writes(
                        "complete",
                        WHOLE_TABLE,
                        rows(row("sit", 2), row("stairsup", 1)),
                        rows(row("sit", 2), row("stairsup", 1), row("walk", 1)));
    }

    @Test
    void an_aggregation_with_a_watermark_writes_final_windows_in_append() {
        new Matrix(MatrixQuery.WATERMARKED_AGGREGATION)
                .writes(
                        "append",
                        FINAL_ROWS,
                        none(), // walk at 16 s moves the watermark to 11 s: [0, 10) is final
                        rows(row(window(0, 10), "sit", 2), row(window(0, 10), "stairsup", 1)))
                .writes(
                        "update",
                        CHANGED_ROWS,
                        rows(row(window(0, 10), "sit", 2), row(window(0, 10), "stairsup", 1)),
                        rows(row(window(10, 20), "walk", 1)))
                .writes(
                        "complete",
                        WHOLE_TABLE,
                        rows(row(window(0, 10), "sit", 2), row(window(0, 10), "stairsup", 1)),
                        rows(
                                row(window(0, 10), "sit", 2),
                                row(window(0, 10), "stairsup", 1),
                                row(window(10, 20), "walk", 1)));
    }

    @Test
    void a_stream_static_join_writes_new_rows_and_is_refused_in_complete() {
        new Matrix(MatrixQuery.STREAM_STATIC_JOIN)
                .writes(
                        "append",
                        NEW_ROWS,
                        rows(row("sit", "sitting"), row("sit", "sitting"), row("stairsup", "climbing stairs")),
                        rows(row("walk", "walking")))
                .writes(
                        "update",
                        NEW_ROWS,
                        rows(row("sit", "sitting"), row("sit", "sitting"), row("stairsup", "climbing stairs")),
                        rows(row("walk", "walking")))
                .refused("complete", NO_AGGREGATION);
    }

    @Test
    void a_sort_after_an_aggregation_runs_only_in_complete() {
        new Matrix(MatrixQuery.SORTED_AGGREGATION)
                .refused("append", NO_WATERMARK) // the aggregation is refused before the sort
                .refused("update", SORTING)
                .writes(
                        "complete",
                        WHOLE_TABLE,
                        rows(row("sit", 2), row("stairsup", 1)),
                        rows(row("sit", 2), row("stairsup", 1), row("walk", 1)));
    }
}
