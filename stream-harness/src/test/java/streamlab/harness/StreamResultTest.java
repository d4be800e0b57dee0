package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;

/** The comparisons every graded test relies on: each one must fail on wrong output. */
class StreamResultTest {

    private static StreamResult run(String title, List<List<Object>> firstStep, List<List<Object>> secondStep) {
        return new StreamResult(
                title,
                List.of(
                        new StreamResult.Step("batch 1", List.of("hello world", "hello"), firstStep),
                        new StreamResult.Step("batch 2", List.of(), secondStep)));
    }

    @Test
    void rows_match_in_any_order() {
        run("r", rows(row("world", 1), row("hello", 2)), none())
                .assertBatches(rows(row("hello", 2), row("world", 1)), none());
    }

    @Test
    void a_wrong_value_fails_and_the_report_shows_input_expected_actual_missing_and_unexpected() {
        StreamResult wrong = run("Lab 99 exercise", rows(row("hello", 1), row("world", 1)), none());
        assertThatThrownBy(() -> wrong.assertBatches(rows(row("hello", 2), row("world", 1)), none()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Lab 99 exercise")
                .hasMessageContaining("=> batch 1")
                .hasMessageContaining("\"hello world\"  \"hello\"")
                .hasMessageContaining("expected   (hello, 2) (world, 1)")
                .hasMessageContaining("actual     (hello, 1) (world, 1)")
                .hasMessageContaining("missing    (hello, 2)")
                .hasMessageContaining("unexpected (hello, 1)");
    }

    @Test
    void a_missing_row_an_extra_row_and_a_duplicated_row_each_fail() {
        List<List<Object>> expected = rows(row("hello", 2), row("world", 1));
        assertThatThrownBy(() -> run("r", rows(row("hello", 2)), none()).assertBatch(1, expected))
                .isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> run("r", rows(row("hello", 2), row("world", 1), row("x", 1)), none())
                        .assertBatch(1, expected))
                .isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() ->
                        run("r", rows(row("hello", 2), row("hello", 2)), none()).assertBatch(1, rows(row("hello", 2))))
                .isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() ->
                        run("r", rows(row("hello", 2)), none()).assertBatch(1, rows(row("hello", 2), row("hello", 2))))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void output_in_a_step_that_must_be_empty_fails() {
        assertThatThrownBy(() -> run("r", none(), rows(row("late", 1))).assertLast(none()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("=> batch 2");
    }

    @Test
    void a_dstream_pair_an_int_and_a_structured_row_of_longs_are_the_same_row() {
        assertThat(Rows.asRow(new Tuple2<>("hello", 2))).isEqualTo(row("hello", 2L));
        assertThat(Rows.asRow(org.apache.spark.sql.RowFactory.create("hello", 2L)))
                .isEqualTo(row("hello", 2));
        assertThat(Rows.asRow(7)).isEqualTo(row(7L));
    }

    @Test
    void same_as_compares_each_step_with_the_other_run_and_names_it() {
        StreamResult dstream = run("DStream", rows(row("hello", 2)), rows(row("hello", 3)));
        run("Structured", rows(row("hello", 2)), rows(row("hello", 3))).assertSameAs("the DStream run", dstream);
        assertThatThrownBy(() -> run("Structured", rows(row("hello", 2)), rows(row("hello", 2)))
                        .assertSameAs("the DStream run", dstream))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("=> batch 2")
                .hasMessageContaining("what the DStream run gave for the same input");
    }

    @Test
    void same_as_refuses_runs_of_different_lengths() {
        StreamResult one = new StreamResult("one", List.of(new StreamResult.Step("step 1", List.of(), none())));
        assertThatThrownBy(() -> run("two", none(), none()).assertSameAs("one", one))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("has 2 steps, but one has 1");
    }

    @Test
    void the_wrong_number_of_expected_batches_is_a_mistake_in_the_test() {
        assertThatThrownBy(() -> run("r", none(), none()).assertBatches(none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 expected batches for 2 steps");
    }

    @Test
    void observed_values_are_a_result_of_their_own_and_must_be_asked_for() {
        assertThatThrownBy(() -> run("r", none(), none()).observed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("read nothing beside its output");
        Steps steps = new Steps();
        steps.add("batch 1", List.of("a"), List.of(), 4L);
        steps.add("batch 2", List.of("b"), List.of(), 6L);
        StreamResult withProbe = steps.result("r", "the probe after each batch");
        withProbe.observed().assertBatches(rows(row(4)), rows(row(6)));
        assertThatThrownBy(() -> withProbe.observed().assertBatches(rows(row(4)), rows(row(7))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("the probe after each batch");
    }
}
