package streamlab.lab02;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

@LabTest(lab = "02", api = Api.STRUCTURED)
class Lab02StructuredTest {

    /** Three batches, the middle one empty. */
    private static final List<List<String>> HELLO_WORLD =
            List.of(List.of("hello world", "hello"), List.of(), List.of("world"));

    /** Input for both APIs: punctuation, mixed case, a word twice in one batch, an empty batch. */
    private static final List<List<String>> CATS_AND_DOGS =
            List.of(List.of("the cat", "The dog"), List.of(), List.of("a cat, a CAT!"), List.of("dog"));

    private static StructuredScript script(String function, List<List<String>> batches) {
        return StructuredScript.linesFrom(batches).title("Lab 02 RunningTotalsStructured." + function);
    }

    // ---- totals: an aggregation (complete mode here; update mode in updatedTotals) ----

    @Test
    void totals_in_complete_mode_send_the_whole_table_after_every_batch() {
        script("totals", HELLO_WORLD)
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 2)));
    }

    @Test
    void totals_tokenize_with_the_course_rule() {
        String longLine = "spark ".repeat(20_000) + "streaming";
        script("totals", List.of(
                        List.of("Hello,  hello\tWORLD!", "", "   ", "..."),
                        List.of("world... HELLO?", "Don't stop: cafés 東京 42", longLine)))
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 3), row("world", 2), row("don't", 1), row("stop", 1), row("cafés", 1),
                                row("東京", 1), row("42", 1), row("spark", 20_000), row("streaming", 1)));
    }

    // ---- updatedTotals: the exercise picks update mode itself ----

    @Test
    void updated_totals_choose_update_mode() {
        script("updatedTotals", HELLO_WORLD)
                .runWriter(RunningTotalsStructured::updatedTotals)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("world", 2)));
    }

    // ---- totalsWithState: flatMapGroupsWithState ----

    @Test
    void totals_with_state_give_each_word_of_the_batch_with_its_new_total() {
        script("totalsWithState", HELLO_WORLD)
                .outputMode("update")
                .run(RunningTotalsStructured::totalsWithState)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("world", 2)));
    }

    // ---- wordsSoFar: one total for all words ----

    @Test
    void words_so_far_is_one_row_counting_every_word_read() {
        script("wordsSoFar", List.of(
                        List.of(),
                        List.of("hello world", "hello"),
                        List.of("Hello,  hello\tWORLD!", "", "   ", "...", "東京 don't")))
                .outputMode("complete")
                .run(RunningTotalsStructured::wordsSoFar)
                .assertBatches(rows(row(0)), rows(row(3)), rows(row(8)));
    }

    // ---- the two APIs side by side ----

    @Test
    void dstream_update_state_by_key_equals_the_structured_complete_table_after_every_batch() {
        StreamResult structured = script("totals", CATS_AND_DOGS)
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertLast(rows(row("the", 2), row("cat", 3), row("dog", 2), row("a", 2)));
        DStreamScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsDStream.totals")
                .checkpointing()
                .runPairs(RunningTotalsDStream::totals)
                .assertSameAs("RunningTotalsStructured.totals in complete mode", outputs(structured));
    }

    @Test
    void dstream_map_with_state_equals_structured_flat_map_groups_with_state_after_every_batch() {
        StreamResult structured = script("totalsWithState", CATS_AND_DOGS)
                .outputMode("update")
                .run(RunningTotalsStructured::totalsWithState)
                .assertBatch(3, rows(row("a", 2), row("cat", 3)));
        DStreamScript.linesFrom(CATS_AND_DOGS)
                .title("Lab 02 RunningTotalsDStream.updatedTotals")
                .checkpointing()
                .runPairs(RunningTotalsDStream::updatedTotals)
                .assertSameAs("RunningTotalsStructured.totalsWithState in update mode", outputs(structured));
    }

    private static List<List<List<Object>>> outputs(StreamResult result) {
        return result.steps().stream().map(StreamResult.Step::output).toList();
    }
}
