package streamlab.lab08;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.StructuredScript.event;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import streamlab.harness.LabTest;
import streamlab.harness.MemoryInput;
import streamlab.harness.StructuredScript;
import streamlab.harness.StructuredScript.Event;
import streamlab.harness.TestSpark;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

/**
 * Every line carries its event time: {@code at(s)} is s seconds after 17:33:00 (UTC, the tests' session
 * time zone), so the windows of 30 s every 15 s are 173245-173315, 173300-173330, 173315-173345, ...
 * The watermark after a step is the latest event time so far minus 15 s; a window is written in append
 * mode once the watermark reaches its end. Rows are (window, value, count).
 */
@LabTest(lab = "08", api = Api.STRUCTURED)
class Lab08StructuredTest {

    /** The seed's day and time: 2024-05-14 17:33:00 UTC. */
    static final Instant T0 = Instant.parse("2024-05-14T17:33:00Z");

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(String exercise, List<Event>... batches) {
        return StructuredScript.events(batches).title("Lab 08 WindowAppendStructured." + exercise + " (times in UTC)");
    }

    /**
     * The seed's stream, a number every 2 s or so: "2" in both partitions of the first step and again in
     * later steps. The comments give the watermark after each step.
     */
    static final List<List<Event>> SEED = List.of(
            List.of(
                    event(at(2), "2"),
                    event(at(4), "2"),
                    event(at(6), "9"),
                    event(at(8), "0"),
                    event(at(16), "9"),
                    event(at(18), "1"),
                    event(at(20), "10"),
                    event(at(22), "2")), // 17:33:07
            List.of(event(at(31), "7")), // 17:33:16
            List.of(event(at(46), "2")), // 17:33:31
            List.of(event(at(61), "3"))); // 17:33:46

    @SuppressWarnings("unchecked")
    private static List<Event>[] steps(List<List<Event>> steps) {
        return steps.toArray(List[]::new);
    }

    // ---- windowText ----

    @Test
    void window_text_is_the_start_and_the_end_as_HHmmss() {
        script(
                        "windowText of window(timestamp, \"30 seconds\", \"15 seconds\")",
                        List.of(event(at(0), "seed")),
                        List.of(
                                event(Instant.parse("2024-05-14T12:00:20Z"), "noon"),
                                event(Instant.parse("2024-05-14T23:59:50Z"), "midnight"),
                                event(Instant.parse("2024-05-15T09:05:01Z"), "morning")))
                .run(in -> in.select(
                        WindowAppendStructured.windowText(window(col("timestamp"), "30 seconds", "15 seconds"))
                                .as("window"),
                        col("value")))
                .assertBatches(
                        rows(row("173245-173315", "seed"), row("173300-173330", "seed")),
                        rows(
                                row("120000-120030", "noon"),
                                row("120015-120045", "noon"),
                                row("235930-000000", "midnight"),
                                row("235945-000015", "midnight"),
                                row("090445-090515", "morning"),
                                row("090500-090530", "morning")));
    }

    // ---- valueCounts: sliding windows, watermark, append mode ----

    @Test
    void append_mode_writes_each_window_once_when_the_watermark_passes_its_end() {
        script("valueCounts", steps(SEED))
                .run(WindowAppendStructured::valueCounts)
                .assertBatches(
                        none(), // watermark 17:33:07: every window open
                        rows(row("173245-173315", 2, 2), row("173245-173315", 9, 1), row("173245-173315", 0, 1)),
                        rows(
                                row("173300-173330", 2, 3),
                                row("173300-173330", 9, 2),
                                row("173300-173330", 0, 1),
                                row("173300-173330", 1, 1),
                                row("173300-173330", 10, 1)),
                        rows(
                                row("173315-173345", 9, 1),
                                row("173315-173345", 1, 1),
                                row("173315-173345", 10, 1),
                                row("173315-173345", 2, 1),
                                row("173315-173345", 7, 1)))
                .assertColumns("window", "value", "count");
    }

    @Test
    void a_window_comes_out_in_the_no_data_micro_batch_that_follows_the_data() {
        // one step: the micro-batch with the data still has the watermark of before it (none yet); the new
        // watermark, 17:33:16, closes 173245-173315 in the no-data micro-batch Spark runs right after
        script("valueCounts", List.of(event(at(2), "2"), event(at(4), "2"), event(at(31), "7")))
                .run(WindowAppendStructured::valueCounts)
                .microBatches()
                .assertBatches(none(), rows(row("173245-173315", 2, 2)));
    }

    @Test
    void lines_that_are_not_whole_numbers_are_skipped() {
        script(
                        "valueCounts",
                        List.of(
                                event(at(1), " 7 "),
                                event(at(2), "hello"),
                                event(at(3), ""),
                                event(at(4), "7"),
                                event(at(5), "3.5"),
                                event(at(6), "10")),
                        List.of(event(at(50), "0")))
                .run(WindowAppendStructured::valueCounts)
                .assertBatches(
                        none(),
                        rows(
                                row("173245-173315", 7, 2),
                                row("173245-173315", 10, 1),
                                row("173300-173330", 7, 2),
                                row("173300-173330", 10, 1)));
    }

    @Test
    void a_late_event_counts_in_its_windows_still_open_and_not_in_those_already_closed() {
        script(
                        "valueCounts",
                        List.of(event(at(40), "5"), event(at(41), "5")), // watermark 17:33:26
                        List.of(
                                event(
                                        at(33),
                                        "6"), // 8 s late, within the watermark: in 173315-173345 and 173330-173400
                                event(at(14), "7"), // 27 s late: 173245-173315 has closed, 173300-173330 is still open
                                event(at(-5), "8")), // 46 s late: both its windows have closed, dropped
                        List.of(event(at(75), "0"))) // watermark 17:34:00: the windows up to 173330-173400 are final
                .run(WindowAppendStructured::valueCounts)
                .assertBatches(
                        none(),
                        none(),
                        rows(
                                row("173300-173330", 7, 1),
                                row("173315-173345", 5, 2),
                                row("173315-173345", 6, 1),
                                row("173330-173400", 5, 2),
                                row("173330-173400", 6, 1)));
    }

    // ---- tumblingCounts ----

    @Test
    void tumbling_windows_count_each_event_once() {
        List<List<Event>> input = new ArrayList<>(SEED);
        input.add(List.of(event(at(76), "3"))); // watermark 17:34:01
        script("tumblingCounts", steps(input))
                .run(WindowAppendStructured::tumblingCounts)
                .assertBatches(
                        none(),
                        none(), // 17:33:16: no tumbling window ends at 17:33:15
                        rows(
                                row("173300-173330", 2, 3),
                                row("173300-173330", 9, 2),
                                row("173300-173330", 0, 1),
                                row("173300-173330", 1, 1),
                                row("173300-173330", 10, 1)),
                        none(), // 17:33:46: 173330-173400 still open
                        rows(row("173330-173400", 7, 1), row("173330-173400", 2, 1)))
                .assertColumns("window", "value", "count");
    }

    @Test
    void tumbling_windows_keep_the_watermark_of_15_s() {
        script(
                        "tumblingCounts",
                        List.of(event(at(40), "5")), // watermark 17:33:25: 173300-173330 still open
                        List.of(event(at(28), "6")), // 12 s late, within the watermark: counted
                        List.of(event(at(80), "0"))) // watermark 17:34:05
                .run(WindowAppendStructured::tumblingCounts)
                .assertBatches(none(), none(), rows(row("173300-173330", 6, 1), row("173330-173400", 5, 1)));
    }

    // ---- the state: what the watermark is for ----

    /** Three events a step, 30 s apart: each step opens two new windows for the values 1 and 2. */
    static final List<List<Event>> EVERY_30_S = List.of(
            List.of(event(at(5), "1"), event(at(6), "2"), event(at(7), "1")),
            List.of(event(at(35), "1"), event(at(36), "2"), event(at(37), "1")),
            List.of(event(at(65), "1"), event(at(66), "2"), event(at(67), "1")));

    private static Object stateRows(StreamingQuery query) {
        StreamingQueryProgress last = query.lastProgress();
        return last.stateOperators()[0].numRowsTotal();
    }

    @Test
    void with_a_watermark_the_state_drops_the_windows_already_written() {
        script("valueCounts", steps(EVERY_30_S))
                .probe(
                        "rows in the state (lastProgress().stateOperators()[0].numRowsTotal())",
                        Lab08StructuredTest::stateRows)
                .run(WindowAppendStructured::valueCounts)
                .observed()
                .assertBatches(rows(row(4)), rows(row(6)), rows(row(6)));
    }

    @Test
    void without_a_watermark_the_state_keeps_every_window() {
        script("countsWithoutWatermark", steps(EVERY_30_S))
                .outputMode("update")
                .probe(
                        "rows in the state (lastProgress().stateOperators()[0].numRowsTotal())",
                        Lab08StructuredTest::stateRows)
                .run(WindowAppendStructured::countsWithoutWatermark)
                .observed()
                .assertBatches(rows(row(4)), rows(row(8)), rows(row(12)));
    }

    @Test
    void without_a_watermark_update_mode_writes_every_change_at_once() {
        script("countsWithoutWatermark", steps(SEED.subList(0, 2)))
                .outputMode("update")
                .run(WindowAppendStructured::countsWithoutWatermark)
                .assertBatches(
                        rows(
                                row("173245-173315", 2, 2),
                                row("173245-173315", 9, 1),
                                row("173245-173315", 0, 1),
                                row("173300-173330", 2, 3),
                                row("173300-173330", 9, 2),
                                row("173300-173330", 0, 1),
                                row("173300-173330", 1, 1),
                                row("173300-173330", 10, 1),
                                row("173315-173345", 9, 1),
                                row("173315-173345", 1, 1),
                                row("173315-173345", 10, 1),
                                row("173315-173345", 2, 1)),
                        rows(row("173315-173345", 7, 1), row("173330-173400", 7, 1)))
                .assertColumns("window", "value", "count");
    }

    @Test
    void without_a_watermark_append_mode_is_refused() {
        Exception error = assertThrows(
                Exception.class,
                () -> script("countsWithoutWatermark", steps(SEED.subList(0, 1)))
                        .outputMode("append")
                        .run(WindowAppendStructured::countsWithoutWatermark),
                "countsWithoutWatermark in append mode must be refused: without a watermark no window is ever final");
        if (MissingSolutionException.isMissingSolution(error)) {
            throw (RuntimeException) error;
        }
        assertThat(error.getMessage())
                .as("Spark's error for countsWithoutWatermark in append mode")
                .contains("not supported for streaming aggregations without watermark");
    }

    // ---- csvSink ----

    @Test
    void the_csv_sink_writes_one_folder_per_final_window_with_one_file_of_value_and_count() throws Exception {
        Path dir = TestSpark.newDirectory("lab08-csv-");
        String output = dir.resolve("output").toString();
        MemoryInput<Tuple2<Timestamp, String>> input =
                MemoryInput.of(Encoders.tuple(Encoders.TIMESTAMP(), Encoders.STRING()), TestSpark.session());
        StreamingQuery query = WindowAppendStructured.csvSink(
                        WindowAppendStructured.valueCounts(input.toDF().selectExpr("_2 AS value", "_1 AS timestamp")),
                        output)
                .option("checkpointLocation", dir.resolve("checkpoint").toString())
                .start();
        CsvFolders folders = new CsvFolders(Path.of(output));
        List<String> seen = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            input.add(SEED.get(step).stream()
                    .map(e -> new Tuple2<>(Timestamp.from(e.time()), e.line()))
                    .toList());
            TestSpark.processAll(query);
            seen.add("after step " + (step + 1) + ": " + folders.describe());
        }
        query.stop();
        StringBuilder in = new StringBuilder();
        for (int step = 0; step < 3; step++) {
            in.append("\n  step ").append(step + 1).append(": ").append(SEED.get(step));
        }
        assertThat(seen)
                .as("WindowAppendStructured.csvSink(valueCounts(events), " + output + "), the window folders"
                        + " after each step (\"(2 CSV files)\" when a folder has more than one) and their value,count"
                        + " lines; the input (times in UTC):" + in)
                .containsExactly(
                        "after step 1: (none)",
                        "after step 2: window=173245-173315 [0,1 2,2 9,1]",
                        "after step 3: window=173245-173315 [0,1 2,2 9,1] window=173300-173330 [0,1 1,1 10,1 2,3 9,2]");
    }
}
