package streamlab.lab04;

import static streamlab.harness.Rows.at;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.Rows.window;
import static streamlab.harness.StructuredScript.event;

import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StructuredScript;
import streamlab.harness.StructuredScript.Event;
import streamlab.support.Api;

/**
 * Every line carries its event time, {@code at(s)}: s seconds after the start of the clock. Windows of
 * 5 s every 2 s are [0 s, 5 s), [2 s, 7 s), [4 s, 9 s), ...; rows of the windowed counts are
 * (window [start, end], length, count).
 */
@LabTest(lab = "04", api = Api.STRUCTURED)
class Lab04StructuredTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(String exercise, List<Event>... batches) {
        return StructuredScript.events(batches).title("Lab 04 WordLengthsStructured." + exercise);
    }

    @Test
    void counts_the_words_of_each_length_in_every_window_that_holds_the_line() {
        script(
                        "lengthCounts",
                        List.of(event(at(10.5), "Hello world over there")), // in [6, 11), [8, 13) and [10, 15)
                        List.of(event(at(11.5), "spark"))) // in [8, 13) and [10, 15)
                .outputMode("complete")
                .run(WordLengthsStructured::lengthCounts)
                .assertBatches(
                        rows(
                                row(window(6, 11), 4, 1),
                                row(window(6, 11), 5, 3),
                                row(window(8, 13), 4, 1),
                                row(window(8, 13), 5, 3),
                                row(window(10, 15), 4, 1),
                                row(window(10, 15), 5, 3)),
                        rows(
                                row(window(6, 11), 4, 1),
                                row(window(6, 11), 5, 3),
                                row(window(8, 13), 4, 1),
                                row(window(8, 13), 5, 4),
                                row(window(10, 15), 4, 1),
                                row(window(10, 15), 5, 4)))
                .assertColumns("window", "length", "count");
    }

    @Test
    void a_word_is_as_long_as_its_characters_whatever_the_alphabet() {
        script(
                        "lengthCounts",
                        List.of(
                                event(at(11), "Hello,  hello\tWORLD!"),
                                event(at(11), ""),
                                event(at(11), "   "),
                                event(at(11), "東京 Straße 𠮷野家 don't"),
                                event(at(11), "spark ".repeat(20_000) + "streaming")))
                .outputMode("complete")
                .run(WordLengthsStructured::lengthCounts)
                .assertBatches(rows(
                        row(window(8, 13), 2, 1),
                        row(window(8, 13), 3, 1),
                        row(window(8, 13), 5, 20_004),
                        row(window(8, 13), 6, 1),
                        row(window(8, 13), 9, 1),
                        row(window(10, 15), 2, 1),
                        row(window(10, 15), 3, 1),
                        row(window(10, 15), 5, 20_004),
                        row(window(10, 15), 6, 1),
                        row(window(10, 15), 9, 1)));
    }

    @Test
    void append_mode_writes_each_window_once_when_it_is_final() {
        script(
                        "lengthCounts",
                        List.of(event(at(10.5), "Hello world over there")), // watermark 8.5 s
                        List.of(event(at(13), "spark")), // watermark 11 s: [6, 11) is final
                        List.of(event(at(30), "later"))) // watermark 28 s: all of the above
                .outputMode("append")
                .run(WordLengthsStructured::lengthCounts)
                .assertBatches(
                        none(),
                        rows(row(window(6, 11), 4, 1), row(window(6, 11), 5, 3)),
                        rows(
                                row(window(8, 13), 4, 1),
                                row(window(8, 13), 5, 3),
                                row(window(10, 15), 4, 1),
                                row(window(10, 15), 5, 4),
                                row(window(12, 17), 5, 1)));
    }

    @Test
    void the_running_total_counts_every_word_once() {
        script(
                        "totalWords",
                        List.of(event(at(10.5), "Hello world over there")),
                        List.of(event(at(11), ""), event(at(11.5), "   ")),
                        List.of(event(at(12), "Spark, streaming!"), event(at(3), "東京 don't")))
                .outputMode("complete")
                .run(WordLengthsStructured::totalWords)
                .assertBatches(rows(row(4)), rows(row(4)), rows(row(8)))
                .assertColumns("words");
    }

    /** The same word many times in both partitions of each micro-batch, in two micro-batches of one window. */
    private static final List<List<Event>> SPREAD = List.of(
            List.of(
                    event(at(11), "spark spark"),
                    event(at(11), "spark spark"),
                    event(at(11), "spark spark"),
                    event(at(11), "spark spark streaming")),
            List.of(
                    event(at(11.5), "spark spark"),
                    event(at(11.5), "spark"),
                    event(at(11.5), "spark spark"),
                    event(at(11.5), "spark")));

    @Test
    void adds_up_a_length_counted_in_both_partitions_of_every_micro_batch() {
        StructuredScript.events(SPREAD.get(0), SPREAD.get(1))
                .title("Lab 04 WordLengthsStructured.lengthCounts")
                .outputMode("complete")
                .run(WordLengthsStructured::lengthCounts)
                .assertBatches(
                        rows(
                                row(window(8, 13), 5, 8),
                                row(window(8, 13), 9, 1),
                                row(window(10, 15), 5, 8),
                                row(window(10, 15), 9, 1)),
                        rows(
                                row(window(8, 13), 5, 14),
                                row(window(8, 13), 9, 1),
                                row(window(10, 15), 5, 14),
                                row(window(10, 15), 9, 1)));
    }

    @Test
    void the_running_total_adds_up_the_words_of_both_partitions_of_every_micro_batch() {
        StructuredScript.events(SPREAD.get(0), SPREAD.get(1))
                .title("Lab 04 WordLengthsStructured.totalWords")
                .outputMode("complete")
                .run(WordLengthsStructured::totalWords)
                .assertBatches(rows(row(9)), rows(row(15)));
    }
}
