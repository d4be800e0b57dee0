package streamlab.lab02;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.StructuredScript.event;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StructuredScript;
import streamlab.support.Api;

@LabTest(lab = "02", api = Api.STRUCTURED)
class Lab02StructuredTest {

    /** Three batches, the middle one empty. */
    private static final List<List<String>> HELLO_WORLD =
            List.of(List.of("hello world", "hello"), List.of(), List.of("world"));

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
                        rows(row("hello", 2), row("world", 2)))
                .assertColumns("word", "count");
    }

    @Test
    void totals_tokenize_with_the_course_rule() {
        String longLine = "spark ".repeat(20_000) + "streaming";
        script(
                        "totals",
                        List.of(
                                List.of("Hello,  hello\tWORLD!", "", "   ", "..."),
                                List.of("world... HELLO?", "Don't stop: cafés 東京 42", longLine)))
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertBatches(
                        rows(row("hello", 2), row("world", 1)),
                        rows(
                                row("hello", 3),
                                row("world", 2),
                                row("don't", 1),
                                row("stop", 1),
                                row("cafés", 1),
                                row("東京", 1),
                                row("42", 1),
                                row("spark", 20_000),
                                row("streaming", 1)));
    }

    // ---- updatedTotals: the exercise picks update mode itself ----

    @Test
    void updated_totals_choose_update_mode() {
        script("updatedTotals", HELLO_WORLD)
                .runWriter(RunningTotalsStructured::updatedTotals)
                .assertBatches(rows(row("hello", 2), row("world", 1)), none(), rows(row("world", 2)))
                .assertColumns("word", "count");
    }

    // ---- totalsWithState: flatMapGroupsWithState ----

    @Test
    void totals_with_state_give_each_word_of_the_batch_with_its_new_total() {
        script("totalsWithState", HELLO_WORLD)
                .outputMode("update")
                .run(RunningTotalsStructured::totalsWithState)
                .assertBatches(rows(row("hello", 2), row("world", 1)), none(), rows(row("world", 2)))
                .assertColumns("word", "count");
    }

    // ---- wordsSoFar: one total for all words ----

    @Test
    void words_so_far_is_one_row_counting_every_word_read() {
        script(
                        "wordsSoFar",
                        List.of(
                                List.of(),
                                List.of("hello world", "hello"),
                                List.of("Hello,  hello\tWORLD!", "", "   ", "...", "東京 don't")))
                .outputMode("complete")
                .run(RunningTotalsStructured::wordsSoFar)
                .assertBatches(rows(row(0)), rows(row(3)), rows(row(8)))
                .assertColumns("words");
    }

    /** The same word many times in both partitions of a batch (each batch is spread over two), over batches. */
    private static final List<List<String>> SPREAD = List.of(
            List.of("spark spark", "spark spark", "spark spark", "spark spark streaming"),
            List.of(),
            List.of("spark spark", "spark", "spark spark", "spark"));

    @Test
    void totals_add_up_a_word_counted_in_both_partitions_of_a_batch() {
        script("totals", SPREAD)
                .outputMode("complete")
                .run(RunningTotalsStructured::totals)
                .assertBatches(
                        rows(row("spark", 8), row("streaming", 1)),
                        rows(row("spark", 8), row("streaming", 1)),
                        rows(row("spark", 14), row("streaming", 1)));
    }

    @Test
    void totals_with_state_add_up_a_word_counted_in_both_partitions_of_a_batch() {
        script("totalsWithState", SPREAD)
                .outputMode("update")
                .run(RunningTotalsStructured::totalsWithState)
                .assertBatches(rows(row("spark", 8), row("streaming", 1)), none(), rows(row("spark", 14)));
    }

    @Test
    void words_so_far_add_up_the_words_of_both_partitions_of_a_batch() {
        script("wordsSoFar", SPREAD)
                .outputMode("complete")
                .run(RunningTotalsStructured::wordsSoFar)
                .assertBatches(rows(row(9)), rows(row(9)), rows(row(15)));
    }

    // ---- lastSeen: an aggregation whose state is a time ----

    /** {@code seconds} after 12:00:00 UTC (the tests' session time zone). */
    private static Instant at(int seconds) {
        return Instant.parse("2024-05-14T12:00:00Z").plusSeconds(seconds);
    }

    @Test
    void last_seen_gives_the_words_of_the_trigger_with_the_latest_time_they_came() {
        StructuredScript.events(
                        List.of(event(at(1), "hello world"), event(at(2), "Hello"), event(at(3), "spark")),
                        List.of(),
                        List.of(event(at(5), "WORLD, world")),
                        List.of(event(at(0), "hello"), event(at(6), "spark")))
                .title("Lab 02 RunningTotalsStructured.lastSeen, update mode (times in UTC; the last step brings"
                        + " hello with a time older than its last one)")
                .outputMode("update")
                .run(lines -> RunningTotalsStructured.lastSeen(lines)
                        .select(
                                col("word"),
                                date_format(col("lastSeen"), "HH:mm:ss").as("lastSeen")))
                .assertBatches(
                        rows(row("hello", "12:00:02"), row("world", "12:00:01"), row("spark", "12:00:03")),
                        none(),
                        rows(row("world", "12:00:05")),
                        rows(row("hello", "12:00:02"), row("spark", "12:00:06")));
    }
}
