package streamlab.lab01;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.support.Api;

@LabTest(lab = "01", api = Api.DSTREAM)
class Lab01DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(List<String>... batches) {
        return DStreamScript.lines(batches).title("Lab 01 WordCountDStream.wordCounts");
    }

    @Test
    void counts_the_words_of_each_batch_on_their_own() {
        script(List.of("hello world", "hello"), List.of(), List.of("world"))
                .runPairs(WordCountDStream::wordCounts)
                .assertBatches(rows(row("hello", 2), row("world", 1)), none(), rows(row("world", 1)));
    }

    @Test
    void lower_cases_and_splits_on_spaces_tabs_and_punctuation() {
        script(List.of("Hello,  hello\tWORLD!", "", "   ", "world... HELLO?"))
                .runPairs(WordCountDStream::wordCounts)
                .assertBatches(rows(row("hello", 3), row("world", 2)));
    }

    @Test
    void keeps_apostrophes_digits_and_unicode_letters_inside_words() {
        script(List.of("Don't stop: 42 cafés in Straße 7", "東京 don't"))
                .runPairs(WordCountDStream::wordCounts)
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
     * Splitting a line that starts with a mark leaves an empty string first ({@code "...so"} gives
     * {@code ["", "so"]}): the words are what is left once the empty strings are dropped, and dropping
     * only the blank lines is not enough.
     */
    @Test
    void drops_the_empty_word_before_a_line_that_starts_with_a_mark() {
        script(List.of("...so it goes", "\"Hello,\" she said", "(hello) world", " so"))
                .runPairs(WordCountDStream::wordCounts)
                .assertBatches(rows(
                        row("so", 2),
                        row("it", 1),
                        row("goes", 1),
                        row("hello", 2),
                        row("she", 1),
                        row("said", 1),
                        row("world", 1)));
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
                .runPairs(WordCountDStream::wordCounts)
                .assertBatches(rows(row("spark", 7), row("streaming", 7)));
    }

    /**
     * A JVM whose default language is Turkish lower-cases {@code I} to a dotless {@code ı}: words are
     * lower-cased the same everywhere only with a fixed locale ({@code Locale.ROOT}), not the machine's.
     */
    @Test
    void lower_cases_the_same_whatever_the_machines_language() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
        try {
            script(List.of("IT IS", "THIS IS IT", "it is"))
                    .title("Lab 01 WordCountDStream.wordCounts, on a JVM whose default locale is tr-TR")
                    .runPairs(WordCountDStream::wordCounts)
                    .assertBatches(rows(row("it", 3), row("is", 3), row("this", 1)));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void counts_a_very_long_line() {
        String longLine = "spark ".repeat(20_000) + "streaming";
        script(List.of(longLine))
                .runPairs(WordCountDStream::wordCounts)
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
                .runPairs(WordCountDStream::wordCounts)
                .assertBatches(rows(row("spark", 8), row("streaming", 1)), rows(row("spark", 6)));
    }
}
