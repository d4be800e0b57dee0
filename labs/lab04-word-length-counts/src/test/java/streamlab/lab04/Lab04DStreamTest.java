package streamlab.lab04;

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
 * The windows of 5 s every 2 s come out at t = 2, 4, 6, ... s; the running total after every batch.
 */
@LabTest(lab = "04", api = Api.DSTREAM)
class Lab04DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String exercise, List<String>... batches) {
        return DStreamScript.lines(batches).title("Lab 04 WordLengthsDStream." + exercise);
    }

    @Test
    void counts_the_words_of_each_length() {
        script("lengthCounts", List.of("Hello world over there"), List.of())
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(none(), rows(row(4, 1), row(5, 3))); // over; hello, world, there
    }

    @Test
    void a_line_of_the_first_batch_is_counted_at_2_s_and_at_4_s_but_not_at_6_s() {
        // the course's timeline: the line arrives before t = 1 s; the window at 2 s reads (-3 s, 2 s],
        // the one at 4 s reads (-1 s, 4 s], the one at 6 s reads (1 s, 6 s]
        script("lengthCounts", List.of("Hello world over there"))
                .thenEmptyBatches(7)
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(
                        none(),
                        rows(row(4, 1), row(5, 3)), // t=2
                        none(),
                        rows(row(4, 1), row(5, 3)), // t=4: the same words again
                        none(),
                        none(), // t=6: the line has left the window
                        none(),
                        none());
    }

    @Test
    void a_line_of_the_second_batch_is_counted_in_three_windows() {
        script("lengthCounts", List.of("Hello world over there"), List.of("spark"))
                .thenEmptyBatches(6)
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(
                        none(),
                        rows(row(4, 1), row(5, 4)), // t=2: both lines
                        none(),
                        rows(row(4, 1), row(5, 4)), // t=4: both lines again
                        none(),
                        rows(row(5, 1)), // t=6: "spark" (batch 2) a third time
                        none(),
                        none());
    }

    @Test
    void a_word_is_as_long_as_its_characters_whatever_the_alphabet() {
        script(
                        "lengthCounts",
                        List.of("Hello,  hello\tWORLD!", "", "   "),
                        List.of("東京 Straße 𠮷野家 don't", "spark ".repeat(20_000) + "streaming"))
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(
                        none(),
                        rows(
                                row(2, 1), // 東京
                                row(3, 1), // 𠮷野家: 3 characters (Java's length() says 4)
                                row(5, 20_004), // hello, hello, world, don't and 20,000 sparks
                                row(6, 1), // straße
                                row(9, 1))); // streaming
    }

    /**
     * Splitting a line that starts with a mark leaves an empty string first ({@code "...so"} gives
     * {@code ["", "so"]}): it is no word, of length 0 or any other. Words are what {@code Tokens} gives.
     */
    @Test
    void a_line_that_starts_with_a_mark_has_no_word_of_length_0() {
        script("lengthCounts", List.of("...so it goes", "(hello) world", "   "), List.of("\"Spark\" so"))
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(none(), rows(row(2, 3), row(4, 1), row(5, 3))); // so, it, so; goes; hello, world, spark
    }

    @Test
    void the_running_total_counts_every_word_once() {
        script(
                        "totalWords",
                        List.of("Hello world over there"),
                        List.of(),
                        List.of("", "   "),
                        List.of("Spark, streaming!"))
                .thenEmptyBatches(1)
                .checkpointing()
                .run(WordLengthsDStream::totalWords)
                .assertBatches(rows(row(4)), rows(row(4)), rows(row(4)), rows(row(6)), rows(row(6)));
    }

    @Test
    void the_running_total_is_0_until_the_first_word() {
        script("totalWords", List.of(), List.of("", "..."), List.of("東京 don't"))
                .checkpointing()
                .run(WordLengthsDStream::totalWords)
                .assertBatches(rows(row(0)), rows(row(0)), rows(row(2)));
    }

    /**
     * The running total is state, and state needs a checkpoint directory: the program (and a test) sets
     * it, the function must not set one of its own, which would replace the program's {@code --checkpoint}.
     * Without one, Spark refuses to start.
     */
    @Test
    void the_running_total_needs_a_checkpoint_directory() {
        Exception error = failureOf(() -> script("totalWords (run without a checkpoint directory)", List.of("hello"))
                .run(WordLengthsDStream::totalWords));
        assertTrue(
                error.getMessage().contains("The checkpoint directory has not been set"),
                "expected Spark's error about the missing checkpoint directory (totalWords must not set one of its"
                        + " own: the program gives it), got: " + error);
    }

    /** The exception {@code run} ends with; "not implemented" stays "not implemented". */
    private static Exception failureOf(Executable run) {
        Exception error = assertThrows(
                Exception.class,
                run,
                "expected Spark's error about the missing checkpoint"
                        + " directory, but the run ended without one: does totalWords set a checkpoint directory itself?");
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
    void adds_up_a_length_counted_in_both_partitions_of_every_batch_of_the_window() {
        DStreamScript.linesFrom(SPREAD)
                .title("Lab 04 WordLengthsDStream.lengthCounts")
                .runPairs(WordLengthsDStream::lengthCounts)
                .assertBatches(none(), rows(row(5, 14), row(9, 1)));
    }

    @Test
    void the_running_total_adds_up_the_words_of_both_partitions_of_every_batch() {
        DStreamScript.linesFrom(SPREAD)
                .title("Lab 04 WordLengthsDStream.totalWords")
                .checkpointing()
                .run(WordLengthsDStream::totalWords)
                .assertBatches(rows(row(9)), rows(row(15)));
    }
}
