package streamlab.lab02;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.support.Api;

@LabTest(lab = "02", api = Api.DSTREAM)
class Lab02DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String function, List<String>... batches) {
        return DStreamScript.lines(batches)
                .title("Lab 02 RunningTotalsDStream." + function)
                .checkpointing();
    }

    // ---- totals: updateStateByKey ----

    @Test
    void totals_carry_over_from_batch_to_batch_and_through_empty_batches() {
        script("totals", List.of(), List.of("hello world", "hello"), List.of(), List.of("world"), List.of())
                .runPairs(RunningTotalsDStream::totals)
                .assertBatches(
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 2)),
                        rows(row("hello", 2), row("world", 2)));
    }

    @Test
    void totals_count_every_occurrence_not_every_batch() {
        script("totals", List.of("to be or not to be"), List.of("be be be"))
                .runPairs(RunningTotalsDStream::totals)
                .assertBatches(
                        rows(row("to", 2), row("be", 2), row("or", 1), row("not", 1)),
                        rows(row("to", 2), row("be", 5), row("or", 1), row("not", 1)));
    }

    @Test
    void totals_tokenize_with_the_course_rule() {
        script(
                        "totals",
                        List.of("Hello,  hello\tWORLD!", "", "   ", "..."),
                        List.of("world... HELLO?", "Don't stop: cafés 東京 42"))
                .runPairs(RunningTotalsDStream::totals)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        rows(
                                row("hello", 3),
                                row("world", 2),
                                row("don't", 1),
                                row("stop", 1),
                                row("cafés", 1),
                                row("東京", 1),
                                row("42", 1)));
    }

    @Test
    void totals_without_a_checkpoint_directory_are_refused_at_start() {
        DStreamScript<String> withoutCheckpoint = DStreamScript.lines(List.of("hello"))
                .title("Lab 02 RunningTotalsDStream.totals, no checkpoint directory");
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> withoutCheckpoint.runPairs(RunningTotalsDStream::totals),
                "updateStateByKey keeps state, so the StreamingContext must refuse to start without ssc.checkpoint(dir)");
        assertTrue(
                refused.getMessage().contains("checkpoint directory has not been set"),
                "Spark's message should say the checkpoint directory has not been set, but was: "
                        + refused.getMessage());
    }

    // ---- lastSeen: updateStateByKey with a state that is not a count ----

    @Test
    void last_seen_keeps_the_time_of_the_last_batch_each_word_came_in() {
        script(
                        "lastSeen (batch k has the time k s: 1000 ms, 2000 ms, ...)",
                        List.of("hello world", "Hello"),
                        List.of(),
                        List.of("hello"),
                        List.of("WORLD, world"),
                        List.of())
                .runPairs(RunningTotalsDStream::lastSeen)
                .assertBatches(
                        rows(row("hello", 1000), row("world", 1000)),
                        rows(row("hello", 1000), row("world", 1000)),
                        rows(row("hello", 3000), row("world", 1000)),
                        rows(row("hello", 3000), row("world", 4000)),
                        rows(row("hello", 3000), row("world", 4000)));
    }

    // ---- updatedTotals: mapWithState ----

    @Test
    void updated_totals_give_only_the_words_of_this_batch_with_their_new_total() {
        script("updatedTotals", List.of(), List.of("hello world", "hello"), List.of(), List.of("world"), List.of())
                .runPairs(RunningTotalsDStream::updatedTotals)
                .assertBatches(none(), rows(row("hello", 2), row("world", 1)), none(), rows(row("world", 2)), none());
    }

    @Test
    void updated_totals_give_one_pair_per_word_even_when_it_occurs_often_in_a_batch() {
        script("updatedTotals", List.of("to be or not to be"), List.of("be be be", "BE"))
                .runPairs(RunningTotalsDStream::updatedTotals)
                .assertBatches(rows(row("to", 2), row("be", 2), row("or", 1), row("not", 1)), rows(row("be", 6)));
    }

    @Test
    void updated_totals_without_a_checkpoint_directory_are_refused_at_start() {
        DStreamScript<String> withoutCheckpoint = DStreamScript.lines(List.of("hello"))
                .title("Lab 02 RunningTotalsDStream.updatedTotals, no checkpoint directory");
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> withoutCheckpoint.runPairs(RunningTotalsDStream::updatedTotals),
                "mapWithState keeps state, so the StreamingContext must refuse to start without ssc.checkpoint(dir)");
        assertTrue(
                refused.getMessage().contains("checkpoint directory has not been set"),
                "Spark's message should say the checkpoint directory has not been set, but was: "
                        + refused.getMessage());
    }

    // ---- wordsSoFar: one running total for all words ----

    @Test
    void words_so_far_gives_one_number_per_batch_starting_at_zero() {
        script("wordsSoFar", List.of(), List.of("hello world", "hello"), List.of(), List.of("world"), List.of())
                .run(RunningTotalsDStream::wordsSoFar)
                .assertBatches(rows(row(0)), rows(row(3)), rows(row(3)), rows(row(4)), rows(row(4)));
    }

    @Test
    void words_so_far_counts_words_not_lines_and_not_distinct_words() {
        String longLine = "spark ".repeat(20_000) + "streaming";
        script("wordsSoFar", List.of("Hello,  hello\tWORLD!", "", "   ", "..."), List.of("東京 don't", longLine))
                .run(RunningTotalsDStream::wordsSoFar)
                .assertBatches(rows(row(3)), rows(row(20_006)));
    }

    /** The same word many times in both partitions of a batch (each batch is spread over two), over batches. */
    private static final List<List<String>> SPREAD = List.of(
            List.of("spark spark", "spark spark", "spark spark", "spark spark streaming"),
            List.of(),
            List.of("spark spark", "spark", "spark spark", "spark"));

    private static DStreamScript<String> spread(String function) {
        return DStreamScript.linesFrom(SPREAD)
                .title("Lab 02 RunningTotalsDStream." + function)
                .checkpointing();
    }

    @Test
    void totals_add_up_a_word_counted_in_both_partitions_of_a_batch() {
        spread("totals")
                .runPairs(RunningTotalsDStream::totals)
                .assertBatches(
                        rows(row("spark", 8), row("streaming", 1)),
                        rows(row("spark", 8), row("streaming", 1)),
                        rows(row("spark", 14), row("streaming", 1)));
    }

    @Test
    void updated_totals_add_up_a_word_counted_in_both_partitions_of_a_batch() {
        spread("updatedTotals")
                .runPairs(RunningTotalsDStream::updatedTotals)
                .assertBatches(rows(row("spark", 8), row("streaming", 1)), none(), rows(row("spark", 14)));
    }

    @Test
    void words_so_far_add_up_the_words_of_both_partitions_of_a_batch() {
        spread("wordsSoFar")
                .run(RunningTotalsDStream::wordsSoFar)
                .assertBatches(rows(row(9)), rows(row(9)), rows(row(15)));
    }
}
