package streamlab.lab03;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

/**
 * Batches of 1 s: script batch k holds the lines that arrived in (k-1 s, k s] and runs at t = k s.
 * A window of 5 s every 2 s is computed at t = 2, 4, 6, ... s from the batches of the last 5 s, so
 * the odd steps print nothing.
 */
@LabTest(lab = "03", api = Api.DSTREAM)
class Lab03DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String exercise, List<String>... batches) {
        return DStreamScript.lines(batches).title("Lab 03 SlidingWindowsDStream." + exercise);
    }

    @Test
    void every_2_s_the_window_counts_the_batches_of_the_last_5_s() {
        // one word per batch: the word tells which batch (which second) it arrived in
        script("windowCounts", List.of("one"), List.of("two"), List.of("three"), List.of("four"),
                List.of("five"), List.of("six"))
                .thenEmptyBatches(4)
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(
                        none(),                                             // t=1: no window ends here
                        rows(row("one", 1), row("two", 1)),                 // t=2: batches (-3 s, 2 s]
                        none(),
                        rows(row("one", 1), row("two", 1), row("three", 1), row("four", 1)), // t=4: (-1 s, 4 s]
                        none(),
                        rows(row("two", 1), row("three", 1), row("four", 1), row("five", 1), row("six", 1)), // t=6: (1 s, 6 s]
                        none(),
                        rows(row("four", 1), row("five", 1), row("six", 1)), // t=8: (3 s, 8 s]
                        none(),
                        rows(row("six", 1)));                               // t=10: (5 s, 10 s]
    }

    @Test
    void a_line_of_the_first_batch_is_counted_at_2_s_and_4_s_but_not_at_6_s() {
        script("windowCounts", List.of("hello world"))
                .thenEmptyBatches(5)
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(
                        none(),
                        rows(row("hello", 1), row("world", 1)),
                        none(),
                        rows(row("hello", 1), row("world", 1)),
                        none(),
                        none());
    }

    @Test
    void adds_up_a_word_over_all_the_batches_of_its_window() {
        script("windowCounts", List.of("hello world"), List.of("hello"), List.of(), List.of("hello", "world"),
                List.of(), List.of("world"))
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("hello", 3), row("world", 2)),
                        none(),
                        rows(row("hello", 2), row("world", 2)));
    }

    @Test
    void tokenizes_mixed_case_punctuation_blank_lines_and_unicode_words() {
        script("windowCounts", List.of("Hello,  hello\tWORLD!", "", "   "), List.of("Straße 東京 don't... HELLO?"))
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(
                        none(),
                        rows(row("hello", 3), row("world", 1), row("straße", 1), row("東京", 1), row("don't", 1)));
    }

    @Test
    void the_inverse_function_leaves_words_with_count_0_behind() {
        script("incrementalCounts", List.of("hello world"), List.of("hello"))
                .thenEmptyBatches(6)
                .checkpointing()
                .runPairs(SlidingWindowsDStream::incrementalCounts)
                .assertBatches(
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("hello", 1), row("world", 0)),  // t=6: batch 1 left the window
                        none(),
                        rows(row("hello", 0), row("world", 0)));  // t=8: both batches left; the keys stay
    }

    @Test
    void the_filter_function_drops_the_words_whose_count_fell_to_0() {
        script("incrementalCountsDroppingZeros", List.of("hello world"), List.of("hello"))
                .thenEmptyBatches(6)
                .checkpointing()
                .runPairs(SlidingWindowsDStream::incrementalCountsDroppingZeros)
                .assertBatches(
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("hello", 2), row("world", 1)),
                        none(),
                        rows(row("hello", 1)),
                        none(),
                        none());
    }

    @Test
    void the_incremental_counts_equal_the_counts_of_the_whole_window() {
        List<List<String>> input = List.of(List.of("a b c"), List.of("a"), List.of("b b"), List.of(), List.of("c a"),
                List.of("a"), List.of(), List.of("b"), List.of(), List.of(), List.of("c"));
        DStreamScript<String> recount = DStreamScript.linesFrom(input).thenEmptyBatches(5)
                .title("Lab 03 SlidingWindowsDStream.windowCounts");
        DStreamScript<String> incremental = DStreamScript.linesFrom(input).thenEmptyBatches(5).checkpointing()
                .title("Lab 03 SlidingWindowsDStream.incrementalCountsDroppingZeros");
        var expected = recount.runPairs(SlidingWindowsDStream::windowCounts);
        incremental.runPairs(SlidingWindowsDStream::incrementalCountsDroppingZeros)
                .assertSameAs("windowCounts", expected);
    }

    @Test
    void a_5_s_window_cannot_be_made_of_2_s_batches() {
        Exception error = failureOf(() -> script("windowCounts", List.of("hello"))
                .batchSeconds(2)
                .runPairs(SlidingWindowsDStream::windowCounts));
        // Spark checks it as soon as the window is declared, before anything runs.
        assertTrue(error.getMessage().contains(
                        "The window duration of windowed DStream (5000 ms) must be a multiple of the slide duration"
                                + " of parent DStream (2000 ms)"),
                "expected Spark's error about the window and the 2 s batches, got: " + error);
    }

    @Test
    void the_inverse_function_needs_a_checkpoint_directory() {
        Exception error = failureOf(() -> script("incrementalCounts", List.of("hello"))
                .runPairs(SlidingWindowsDStream::incrementalCounts));
        assertTrue(error.getMessage().contains("The checkpoint directory has not been set"),
                "expected Spark's error about the missing checkpoint directory, got: " + error);
    }

    /** The exception {@code run} ends with; "not implemented" stays "not implemented". */
    private static Exception failureOf(Executable run) {
        Exception error = assertThrows(Exception.class, run);
        if (MissingSolutionException.isMissingSolution(error)) {
            throw (RuntimeException) error;
        }
        return error;
    }

    /** The same word many times in both partitions of each batch, in two batches of one window. */
    private static final List<List<String>> SPREAD = List.of(
            List.of("spark spark", "spark spark", "spark spark", "spark spark streaming"),
            List.of("spark spark", "spark", "spark spark", "spark"));

    @Test
    void adds_up_a_word_counted_in_both_partitions_of_every_batch_of_the_window() {
        DStreamScript.linesFrom(SPREAD).title("Lab 03 SlidingWindowsDStream.windowCounts")
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(none(), rows(row("spark", 14), row("streaming", 1)));
    }

    @Test
    void the_incremental_counts_add_and_subtract_partial_counts_of_both_partitions() {
        DStreamScript.linesFrom(SPREAD).title("Lab 03 SlidingWindowsDStream.incrementalCounts")
                .thenEmptyBatches(4)
                .checkpointing()
                .runPairs(SlidingWindowsDStream::incrementalCounts)
                .assertBatches(
                        none(),
                        rows(row("spark", 14), row("streaming", 1)),
                        none(),
                        rows(row("spark", 14), row("streaming", 1)),
                        none(),
                        rows(row("spark", 6), row("streaming", 0)));   // t=6: batch 1 left the window
    }
}
