package streamlab.harness;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.at;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.StructuredScript.event;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The Structured runner on real queries, right and wrong: each assertion must catch the wrong one. */
class StructuredScriptTest {

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static Dataset<Row> counts(Dataset<Row> lines) {
        return lines.groupBy("value").count();
    }

    private static final List<List<String>> INPUT = List.of(List.of("a", "b", "a"), List.of(), List.of("b"));

    @Test
    void complete_mode_gives_the_whole_table_and_update_mode_the_changed_rows() {
        StructuredScript.linesFrom(INPUT)
                .outputMode("complete")
                .run(StructuredScriptTest::counts)
                .assertBatches(
                        rows(row("a", 2), row("b", 1)), rows(row("a", 2), row("b", 1)), rows(row("a", 2), row("b", 2)));
        StreamResult update =
                StructuredScript.linesFrom(INPUT).outputMode("update").run(StructuredScriptTest::counts);
        update.assertBatches(rows(row("a", 2), row("b", 1)), none(), rows(row("b", 2)))
                .assertColumns("value", "count");
        assertThatThrownBy(() -> update.assertColumns("word", "count"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("must be named [word, count]");
        assertThatThrownBy(() ->
                        update.assertBatches(rows(row("a", 2), row("b", 1)), none(), rows(row("a", 2), row("b", 2))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("missing    (a, 2)");
    }

    @Test
    void append_mode_on_an_aggregation_without_a_watermark_is_spark_s_own_refusal() {
        assertThatThrownBy(() -> StructuredScript.linesFrom(INPUT).run(StructuredScriptTest::counts))
                .hasMessageContaining("not supported for streaming aggregations without watermark");
    }

    @Test
    void event_times_decide_the_windows_and_the_watermark_closes_them() {
        StructuredScript.events(List.of(event(at(1), "x"), event(at(2), "x")), List.of(event(at(12), "y")))
                .outputMode("append")
                .run(lines -> lines.withWatermark("timestamp", "1 second")
                        .groupBy(window(col("timestamp"), "10 seconds"), col("value"))
                        .count())
                .assertBatches(none(), rows(row(Rows.window(0, 10), "x", 2)));
    }

    @Test
    void an_observed_metric_is_read_for_every_micro_batch() {
        StreamResult run = StructuredScript.linesFrom(INPUT)
                .metric("lines")
                .outputMode("update")
                .run(lines -> counts(lines.observe("lines", count(col("value")).as("n"))));
        // an empty step still runs a micro-batch (the memory stream's offset moves), which drops nothing
        run.observed().assertBatches(rows(row(3)), rows(row(0)), rows(row(1))).assertColumns("n");
        assertThatThrownBy(() -> run.observed().assertBatches(rows(row(3)), rows(row(0)), rows(row(2))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("observed metric \"lines\"");
    }

    @Test
    void a_metric_the_query_does_not_report_shows_up_in_the_run() {
        StreamResult run = StructuredScript.lines(List.of("a"))
                .metric("dropped")
                .outputMode("update")
                .run(StructuredScriptTest::counts);
        assertThatThrownBy(() -> run.observed().assertBatches(rows(row(0))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no observed metric \"dropped\"");
    }

    @Test
    void a_restart_goes_on_from_the_checkpoint_with_the_state_it_had() {
        StructuredScript.linesFrom(INPUT)
                .outputMode("update")
                .restartAfter(1)
                .run(StructuredScriptTest::counts)
                .assertBatches(rows(row("a", 2), row("b", 1)), none(), rows(row("b", 2)));
    }

    @Test
    void an_exception_in_a_micro_batch_reaches_the_test() {
        assertThatThrownBy(() -> StructuredScript.lines(List.of("a"))
                        .outputMode("update")
                        .run(lines -> lines.filter("assert_true(value = 'b', 'the exercise failed') IS NULL")))
                .hasMessageContaining("the exercise failed");
    }

    @Test
    void a_micro_batch_that_fails_stops_the_run_at_once_with_the_steps_so_far() {
        assertThatThrownBy(() -> StructuredScript.lines(List.of("a", "b", "a"), List.of("a", "oops"), List.of("b"))
                        .title("lines that refuse oops")
                        .run(lines ->
                                lines.filter("assert_true(value <> 'oops', 'the exercise failed on oops') IS NULL")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("lines that refuse oops")
                .hasMessageContaining("step 2 failed, so the run stopped there")
                .hasMessageContaining("the exercise failed on oops")
                .hasMessageContaining("input      \"a\"  \"b\"  \"a\"")
                .hasMessageContaining("actual     (a) (a) (b)")
                .hasMessageContaining("=> step 2")
                .hasMessageContaining("   step 3, never ran");
    }
}
