package streamlab.lab03;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.dstream.DStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
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
        script(
                        "windowCounts",
                        List.of("one"),
                        List.of("two"),
                        List.of("three"),
                        List.of("four"),
                        List.of("five"),
                        List.of("six"))
                .thenEmptyBatches(4)
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(
                        none(), // t=1: no window ends here
                        rows(row("one", 1), row("two", 1)), // t=2: batches (-3 s, 2 s]
                        none(),
                        rows(row("one", 1), row("two", 1), row("three", 1), row("four", 1)), // t=4: (-1 s, 4 s]
                        none(),
                        rows(
                                row("two", 1),
                                row("three", 1),
                                row("four", 1),
                                row("five", 1),
                                row("six", 1)), // t=6: (1 s, 6 s]
                        none(),
                        rows(row("four", 1), row("five", 1), row("six", 1)), // t=8: (3 s, 8 s]
                        none(),
                        rows(row("six", 1))); // t=10: (5 s, 10 s]
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
        script(
                        "windowCounts",
                        List.of("hello world"),
                        List.of("hello"),
                        List.of(),
                        List.of("hello", "world"),
                        List.of(),
                        List.of("world"))
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
                        rows(row("hello", 1), row("world", 0)), // t=6: batch 1 left the window
                        none(),
                        rows(row("hello", 0), row("world", 0))); // t=8: both batches left; the keys stay
    }

    @Test
    void the_filter_function_drops_the_words_whose_count_fell_to_0() {
        assertZerosDropped(zerosScript("incrementalCountsDroppingZeros")
                .runPairs(SlidingWindowsDStream::incrementalCountsDroppingZeros));
    }

    /**
     * The filter function works inside the windowed reduce: a word it drops leaves the window's state,
     * which reduceByKeyAndWindow keeps from one window to the next. A {@code filter} on the output prints
     * the same, but the state still holds every word that left, at 0, for ever. The test reads that
     * state: the stream that reduceByKeyAndWindow made, in the lineage of the one returned.
     */
    @Test
    void the_filter_function_drops_the_zeros_from_the_window_state_itself() {
        assertZerosDropped(
                zerosScript("incrementalCountsDroppingZeros: its window state, what reduceByKeyAndWindow keeps")
                        .run(lines -> windowState(SlidingWindowsDStream.incrementalCountsDroppingZeros(lines))));
    }

    /** Two batches, then empty ones: world leaves the window at t=6 s, hello at t=8 s. */
    private static DStreamScript<String> zerosScript(String exercise) {
        return script(exercise, List.of("hello world"), List.of("hello"))
                .thenEmptyBatches(6)
                .checkpointing();
    }

    /** The counts of {@link #zerosScript} without the words whose count fell to 0. */
    private static void assertZerosDropped(StreamResult result) {
        result.assertBatches(
                none(),
                rows(row("hello", 2), row("world", 1)),
                none(),
                rows(row("hello", 2), row("world", 1)),
                none(),
                rows(row("hello", 1)), // t=6: world, at 0, is dropped
                none(),
                none()); // t=8: hello too: nothing is left
    }

    /**
     * Dropping the zeros does not mean leaving out the inverse function: without it nothing is subtracted,
     * so no zeros come, but every window is counted again from all its batches. The incremental form is
     * the one that needs a checkpoint directory.
     */
    @Test
    void dropping_the_zeros_is_still_incremental_and_needs_a_checkpoint_directory() {
        Exception error = failureOf(
                "Spark's error about the missing checkpoint directory: the windowed reduce with an"
                        + " inverse function needs one",
                () -> script("incrementalCountsDroppingZeros", List.of("hello"))
                        .runPairs(SlidingWindowsDStream::incrementalCountsDroppingZeros));
        assertTrue(
                error.getMessage().contains("The checkpoint directory has not been set"),
                "expected Spark's error about the missing checkpoint directory, got: " + error);
    }

    /**
     * The state of the reduceByKeyAndWindow with an inverse function that {@code counts} comes from (Spark's
     * ReducedWindowedDStream: the previous window's counts, plus the batches that entered, minus those that
     * left, through the filter function): {@code counts} itself when nothing follows the windowed reduce.
     */
    @SuppressWarnings("unchecked")
    private static JavaDStream<Tuple2<String, Long>> windowState(JavaPairDStream<String, Long> counts) {
        if (counts == null) {
            return null;
        }
        Deque<DStream<?>> todo = new ArrayDeque<>(List.of(counts.dstream()));
        List<String> lineage = new ArrayList<>();
        while (!todo.isEmpty()) {
            DStream<?> stream = todo.poll();
            if (stream.getClass().getSimpleName().equals("ReducedWindowedDStream")) {
                return new JavaDStream<>(
                        (DStream<Tuple2<String, Long>>) stream, scala.reflect.ClassTag$.MODULE$.apply(Tuple2.class));
            }
            lineage.add(stream.getClass().getSimpleName());
            todo.addAll(CollectionConverters.asJava(stream.dependencies()));
        }
        throw new AssertionFailedError("Lab 03 SlidingWindowsDStream.incrementalCountsDroppingZeros: the stream it"
                + " returns comes from no reduceByKeyAndWindow with an inverse function (it is made of, from the"
                + " output back: " + String.join(" <- ", lineage) + "). The exercise is incrementalCounts's"
                + " incremental count, with the filter function of the same windowed reduce.");
    }

    @Test
    void the_incremental_counts_equal_the_counts_of_the_whole_window() {
        List<List<String>> input = List.of(
                List.of("a b c"),
                List.of("a"),
                List.of("b b"),
                List.of(),
                List.of("c a"),
                List.of("a"),
                List.of(),
                List.of("b"),
                List.of(),
                List.of(),
                List.of("c"));
        DStreamScript<String> recount =
                DStreamScript.linesFrom(input).thenEmptyBatches(5).title("Lab 03 SlidingWindowsDStream.windowCounts");
        DStreamScript<String> incremental = DStreamScript.linesFrom(input)
                .thenEmptyBatches(5)
                .checkpointing()
                .title("Lab 03 SlidingWindowsDStream.incrementalCountsDroppingZeros");
        var expected = recount.runPairs(SlidingWindowsDStream::windowCounts);
        incremental
                .runPairs(SlidingWindowsDStream::incrementalCountsDroppingZeros)
                .assertSameAs("windowCounts", expected);
    }

    @Test
    void a_5_s_window_cannot_be_made_of_2_s_batches() {
        Exception error = failureOf(() ->
                script("windowCounts", List.of("hello")).batchSeconds(2).runPairs(SlidingWindowsDStream::windowCounts));
        // Spark checks it as soon as the window is declared, before anything runs.
        assertTrue(
                error.getMessage()
                        .contains(
                                "The window duration of windowed DStream (5000 ms) must be a multiple of the slide duration"
                                        + " of parent DStream (2000 ms)"),
                "expected Spark's error about the window and the 2 s batches, got: " + error);
    }

    @Test
    void the_inverse_function_needs_a_checkpoint_directory() {
        Exception error = failureOf(
                () -> script("incrementalCounts", List.of("hello")).runPairs(SlidingWindowsDStream::incrementalCounts));
        assertTrue(
                error.getMessage().contains("The checkpoint directory has not been set"),
                "expected Spark's error about the missing checkpoint directory, got: " + error);
    }

    /** The exception {@code run} ends with; "not implemented" stays "not implemented". */
    private static Exception failureOf(Executable run) {
        return failureOf("Spark to refuse it", run);
    }

    /** The same, saying what was expected when {@code run} ends without one. */
    private static Exception failureOf(String expected, Executable run) {
        Exception error = assertThrows(
                Exception.class,
                run,
                "expected " + expected + ", but the run ended without"
                        + " an error: does your code get round Spark's refusal (a checkpoint call of its own, another window)?");
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
        DStreamScript.linesFrom(SPREAD)
                .title("Lab 03 SlidingWindowsDStream.windowCounts")
                .runPairs(SlidingWindowsDStream::windowCounts)
                .assertBatches(none(), rows(row("spark", 14), row("streaming", 1)));
    }

    @Test
    void the_incremental_counts_add_and_subtract_partial_counts_of_both_partitions() {
        DStreamScript.linesFrom(SPREAD)
                .title("Lab 03 SlidingWindowsDStream.incrementalCounts")
                .thenEmptyBatches(4)
                .checkpointing()
                .runPairs(SlidingWindowsDStream::incrementalCounts)
                .assertBatches(
                        none(),
                        rows(row("spark", 14), row("streaming", 1)),
                        none(),
                        rows(row("spark", 14), row("streaming", 1)),
                        none(),
                        rows(row("spark", 6), row("streaming", 0))); // t=6: batch 1 left the window
    }
}
