package streamlab.lab03;

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
 * 5 s every 2 s are [0 s, 5 s), [2 s, 7 s), [4 s, 9 s), ...: a line at 10.5 s is in [6, 11), [8, 13)
 * and [10, 15). Rows are (window [start, end], word, count).
 */
@LabTest(lab = "03", api = Api.STRUCTURED)
class Lab03StructuredTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(String exercise, List<Event>... batches) {
        return StructuredScript.events(batches).title("Lab 03 SlidingWindowsStructured." + exercise);
    }

    @Test
    void complete_mode_counts_each_word_in_every_window_that_holds_its_time() {
        script("windowCounts", List.of(event(at(10.5), "hello")), List.of(event(at(13), "world hello")))
                .outputMode("complete")
                .run(SlidingWindowsStructured::windowCounts)
                .assertBatches(
                        rows(
                                row(window(6, 11), "hello", 1),
                                row(window(8, 13), "hello", 1),
                                row(window(10, 15), "hello", 1)),
                        rows(
                                row(window(6, 11), "hello", 1),
                                row(window(8, 13), "hello", 1), // 13 s is the end of [8, 13): not in it
                                row(window(10, 15), "hello", 2),
                                row(window(10, 15), "world", 1),
                                row(window(12, 17), "hello", 1),
                                row(window(12, 17), "world", 1)))
                .assertColumns("window", "word", "count");
    }

    /**
     * windowCounts is for complete or update mode: in update mode each trigger sends only the windows
     * whose count changed. (A sorted result table, tidy on the console, is refused in update mode.)
     */
    @Test
    void update_mode_sends_only_the_windows_whose_counts_changed() {
        script(
                        "windowCounts",
                        List.of(event(at(10.5), "hello"), event(at(10.5), "hello")),
                        List.of(event(at(13), "world hello"), event(at(13.5), "world")))
                .outputMode("update")
                .run(SlidingWindowsStructured::windowCounts)
                .assertBatches(
                        rows(
                                row(window(6, 11), "hello", 2),
                                row(window(8, 13), "hello", 2),
                                row(window(10, 15), "hello", 2)),
                        rows(
                                row(window(10, 15), "hello", 3), // [6, 11) and [8, 13) did not change
                                row(window(10, 15), "world", 2),
                                row(window(12, 17), "hello", 1),
                                row(window(12, 17), "world", 2)))
                .assertColumns("window", "word", "count");
    }

    @Test
    void the_event_time_decides_the_window_not_the_batch_that_brings_the_line() {
        // the second batch brings a line that happened before the first one
        script("windowCounts", List.of(event(at(21), "spark")), List.of(event(at(17.5), "spark")))
                .outputMode("complete")
                .run(SlidingWindowsStructured::windowCounts)
                .assertLast(rows(
                        row(window(14, 19), "spark", 1),
                        row(window(16, 21), "spark", 1),
                        row(window(18, 23), "spark", 1),
                        row(window(20, 25), "spark", 1)));
    }

    @Test
    void tokenizes_mixed_case_punctuation_blank_lines_and_unicode_words() {
        script(
                        "windowCounts",
                        List.of(
                                event(at(11), "Hello,  hello\tWORLD!"),
                                event(at(11), ""),
                                event(at(11), "   "),
                                event(at(11), "Straße 東京 don't... HELLO?")))
                .outputMode("complete")
                .run(SlidingWindowsStructured::windowCounts)
                .assertBatches(rows(
                        row(window(8, 13), "hello", 3),
                        row(window(8, 13), "world", 1),
                        row(window(8, 13), "straße", 1),
                        row(window(8, 13), "東京", 1),
                        row(window(8, 13), "don't", 1),
                        row(window(10, 15), "hello", 3),
                        row(window(10, 15), "world", 1),
                        row(window(10, 15), "straße", 1),
                        row(window(10, 15), "東京", 1),
                        row(window(10, 15), "don't", 1)));
    }

    @Test
    void append_mode_writes_a_window_once_when_the_watermark_passes_its_end() {
        // watermark = the latest event time seen so far - 2 s
        script(
                        "watermarkedCounts",
                        List.of(event(at(10.5), "hello")), // watermark 8.5 s: every window still open
                        List.of(event(at(13), "world")), // watermark 11 s: [6, 11) is final
                        List.of(event(at(20), "later"))) // watermark 18 s: [8, 13), [10, 15), [12, 17) are final
                .outputMode("append")
                .run(SlidingWindowsStructured::watermarkedCounts)
                .assertBatches(
                        none(),
                        rows(row(window(6, 11), "hello", 1)),
                        rows(
                                row(window(8, 13), "hello", 1),
                                row(window(10, 15), "hello", 1),
                                row(window(10, 15), "world", 1),
                                row(window(12, 17), "world", 1)))
                .assertColumns("window", "word", "count");
    }

    @Test
    void a_line_behind_the_watermark_is_dropped_and_an_out_of_order_line_within_it_is_counted() {
        script(
                        "watermarkedCounts",
                        List.of(event(at(20), "spark")), // watermark 18 s
                        List.of(
                                event(at(19), "spark"), // 1 s out of order, but not behind the watermark: counted
                                event(at(10), "late")), // its windows end at 11, 13, 15 s, behind 18 s: dropped
                        List.of(event(at(30), "next"))) // watermark 28 s: the windows up to [22, 27) are final
                .outputMode("append")
                .run(SlidingWindowsStructured::watermarkedCounts)
                .assertBatches(
                        none(),
                        none(),
                        rows(
                                row(window(16, 21), "spark", 2),
                                row(window(18, 23), "spark", 2),
                                row(window(20, 25), "spark", 1)));
    }

    @Test
    void adds_up_a_word_counted_in_both_partitions_of_every_micro_batch() {
        script(
                        "windowCounts",
                        List.of(
                                event(at(11), "spark spark"),
                                event(at(11), "spark spark"),
                                event(at(11), "spark spark"),
                                event(at(11), "spark spark streaming")),
                        List.of(
                                event(at(11.5), "spark spark"),
                                event(at(11.5), "spark"),
                                event(at(11.5), "spark spark"),
                                event(at(11.5), "spark")))
                .outputMode("complete")
                .run(SlidingWindowsStructured::windowCounts)
                .assertBatches(
                        rows(
                                row(window(8, 13), "spark", 8),
                                row(window(8, 13), "streaming", 1),
                                row(window(10, 15), "spark", 8),
                                row(window(10, 15), "streaming", 1)),
                        rows(
                                row(window(8, 13), "spark", 14),
                                row(window(8, 13), "streaming", 1),
                                row(window(10, 15), "spark", 14),
                                row(window(10, 15), "streaming", 1)));
    }
}
