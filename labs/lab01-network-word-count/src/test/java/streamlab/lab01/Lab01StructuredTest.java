package streamlab.lab01;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

@LabTest(lab = "01", api = Api.STRUCTURED)
class Lab01StructuredTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(List<String>... batches) {
        return StructuredScript.lines(batches).title("Lab 01 WordCountStructured.wordCounts");
    }

    @Test
    void complete_mode_sends_the_whole_table_after_every_batch() {
        script(List.of("hello world", "hello"), List.of(), List.of("world"))
                .outputMode("complete")
                .run(WordCountStructured::wordCounts)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 1)),
                        rows(row("hello", 2), row("world", 2)))
                .assertColumns("word", "count");
    }

    @Test
    void update_mode_sends_only_the_rows_that_changed() {
        script(List.of("hello world", "hello"), List.of(), List.of("world"))
                .outputMode("update")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(row("hello", 2), row("world", 1)), none(), rows(row("world", 2)));
    }

    @Test
    void lower_cases_and_splits_on_spaces_tabs_and_punctuation() {
        script(List.of("Hello,  hello\tWORLD!", "", "   ", "world... HELLO?"))
                .outputMode("complete")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(row("hello", 3), row("world", 2)));
    }

    @Test
    void keeps_apostrophes_digits_and_unicode_letters_inside_words() {
        script(List.of("Don't stop: 42 cafés in Straße 7", "東京 don't"))
                .outputMode("complete")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(
                        row("don't", 2),
                        row("stop", 1),
                        row("42", 1),
                        row("cafés", 1),
                        row("in", 1),
                        row("straße", 1),
                        row("7", 1),
                        row("東京", 1)));
    }

    /**
     * Every character that is not a letter, a digit or an apostrophe separates two words: quotes,
     * brackets, hyphens, slashes, dashes, the ellipsis character and a no-break space too, with or
     * without a space beside them.
     */
    @Test
    void splits_on_every_mark_between_two_words_not_only_the_usual_ones() {
        script(List.of(
                        "(spark) \"streaming\" spark-streaming",
                        "spark/streaming; spark—streaming spark…streaming",
                        "spark\u00a0streaming [spark] {streaming}"))
                .outputMode("complete")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(row("spark", 7), row("streaming", 7)));
    }

    @Test
    void counts_a_very_long_line() {
        String longLine = "spark ".repeat(20_000) + "streaming";
        script(List.of(longLine))
                .outputMode("complete")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(row("spark", 20_000), row("streaming", 1)));
    }

    /**
     * The same word many times in both partitions of a batch (each batch is spread over two), and again
     * in the next batch: partial counts of one word meet, so only a true sum adds them up right.
     */
    @Test
    void adds_up_a_word_counted_in_both_partitions_of_a_batch() {
        script(
                        List.of("spark spark", "spark spark", "spark spark", "spark spark streaming"),
                        List.of("spark spark", "spark", "spark spark", "spark"))
                .outputMode("update")
                .run(WordCountStructured::wordCounts)
                .assertBatches(rows(row("spark", 8), row("streaming", 1)), rows(row("spark", 14)));
    }
}
