package streamlab.lab08;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.dstream.DStream;
import org.apache.spark.streaming.dstream.ReducedWindowedDStream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.support.Api;
import streamlab.support.MissingSolutionException;

/**
 * Batches of 5 s: script batch k holds the lines that arrived in (5k - 5 s, 5k s] and runs at t = 5k s
 * (the test clock starts at 0, 1970-01-01 00:00:00 UTC). A window of 30 s every 15 s is computed at
 * t = 15, 30, 45, ... s from the six batches of (t - 30 s, t]: the steps in between print nothing.
 */
@LabTest(lab = "08", api = Api.DSTREAM)
class Lab08DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String exercise, List<String>... batches) {
        return DStreamScript.lines(batches).batchSeconds(5).title("Lab 08 WindowAppendDStream." + exercise);
    }

    @Test
    void every_15_s_the_window_counts_the_lines_of_the_last_30_s() {
        // one number per batch: the number tells which batch (which 5 s) it arrived in
        script("valueCounts", List.of("1"), List.of("2"), List.of("3"), List.of("4"), List.of("5"), List.of("6"))
                .thenEmptyBatches(3)
                .runPairs(WindowAppendDStream::valueCounts)
                .assertBatches(
                        none(),
                        none(),
                        rows(row(1, 1), row(2, 1), row(3, 1)), // t=15: (-15 s, 15 s]
                        none(),
                        none(),
                        rows(row(1, 1), row(2, 1), row(3, 1), row(4, 1), row(5, 1), row(6, 1)), // t=30: (0 s, 30 s]
                        none(),
                        none(),
                        rows(row(4, 1), row(5, 1), row(6, 1))); // t=45: (15 s, 45 s]
    }

    @Test
    void adds_up_a_value_from_both_partitions_of_several_batches_and_skips_what_is_not_a_number() {
        script(
                        "valueCounts",
                        List.of("7", "7", "7", "3"),
                        List.of("7", " 7 ", "3", "hello"),
                        List.of("", "7", "3.5", "10"))
                .runPairs(WindowAppendDStream::valueCounts)
                .assertBatches(none(), none(), rows(row(7, 6), row(3, 2), row(10, 1)));
    }

    /** A longer stream: values come back in later batches, and leave the window again. */
    private static final List<List<String>> LONGER = List.of(
            List.of("1", "2", "1"),
            List.of("2"),
            List.of(),
            List.of("1", "3"),
            List.of("3", "3"),
            List.of(),
            List.of("2"),
            List.of(),
            List.of("1", "1"));

    @Test
    void the_incremental_counts_equal_the_counts_of_the_whole_window() {
        var expected = DStreamScript.linesFrom(LONGER)
                .batchSeconds(5)
                .thenEmptyBatches(3)
                .title("Lab 08 WindowAppendDStream.valueCounts")
                .runPairs(WindowAppendDStream::valueCounts);
        DStreamScript.linesFrom(LONGER)
                .batchSeconds(5)
                .thenEmptyBatches(3)
                .checkpointing()
                .title("Lab 08 WindowAppendDStream.incrementalValueCounts")
                .runPairs(WindowAppendDStream::incrementalValueCounts)
                .assertSameAs("valueCounts", expected);
    }

    @Test
    void the_filter_function_drops_the_values_whose_count_fell_to_0() {
        script("incrementalValueCounts", List.of("4", "4"), List.of("5"))
                .thenEmptyBatches(7)
                .checkpointing()
                .runPairs(WindowAppendDStream::incrementalValueCounts)
                .assertBatches(
                        none(),
                        none(),
                        rows(row(4, 2), row(5, 1)),
                        none(),
                        none(),
                        rows(row(4, 2), row(5, 1)),
                        none(),
                        none(),
                        none()); // t=45: both batches have left; 0 is not printed
    }

    /** The stream reduceByKeyAndWindow makes with an inverse function, found among {@code out} and what it is made of. */
    private static DStream<?> reducedWindow(DStream<?> out) {
        if (out instanceof ReducedWindowedDStream<?, ?>) {
            return out;
        }
        for (DStream<?> parent : CollectionConverters.asJava(out.dependencies())) {
            DStream<?> found = reducedWindow(parent);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The counts the incremental window keeps for the next window: its latest RDD, as sorted text. */
    private static String windowState(DStream<?> reduced) {
        if (reduced == null) {
            return "(no reduceByKeyAndWindow with an inverse function)";
        }
        Map<Time, ? extends RDD<?>> kept = CollectionConverters.asJava(reduced.generatedRDDs());
        return kept.keySet().stream()
                .max((a, b) -> Long.compare(a.milliseconds(), b.milliseconds()))
                .map(last -> kept.get(last).toJavaRDD().collect().stream()
                        .map(String::valueOf)
                        .sorted()
                        .toList()
                        .toString())
                .orElse("(no window yet)");
    }

    @Test
    void the_filter_function_drops_the_values_whose_count_fell_to_0_from_the_window_state() {
        // the incremental form keeps the counts of each window for the next one; a filter on its output hides the
        // zeros from what is printed, only the filter function given to reduceByKeyAndWindow drops them from there
        DStream<?>[] reduced = new DStream<?>[1];
        script("incrementalValueCounts", List.of("4", "4"), List.of("5"))
                .thenEmptyBatches(7)
                .checkpointing()
                .probe("the counts the window keeps for the next one (its state)", sc -> windowState(reduced[0]))
                .runPairs(lines -> {
                    JavaPairDStream<Integer, Long> counts = WindowAppendDStream.incrementalValueCounts(lines);
                    reduced[0] = counts == null ? null : reducedWindow(counts.dstream());
                    return counts;
                })
                .observed()
                .assertBatches(
                        rows(row("(no window yet)")),
                        rows(row("(no window yet)")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[(4,2), (5,1)]")),
                        rows(row("[]"))); // t=45: both left
    }

    @Test
    void the_incremental_form_needs_a_checkpoint_directory() {
        Exception error = assertThrows(
                Exception.class,
                () -> script("incrementalValueCounts", List.of("1"))
                        .runPairs(WindowAppendDStream::incrementalValueCounts));
        if (MissingSolutionException.isMissingSolution(error)) {
            throw (RuntimeException) error;
        }
        assertTrue(
                String.valueOf(error.getMessage()).contains("The checkpoint directory has not been set"),
                "expected Spark's error about the missing checkpoint directory (an inverse function keeps the"
                        + " previous window's counts), got: " + error);
    }

    /** Counts of the last 30 s every 15 s, made by the test (not by your valueCounts), for windowRows. */
    private static JavaPairDStream<Integer, Long> testCounts(JavaDStream<String> lines) {
        return lines.window(Durations.seconds(30), Durations.seconds(15))
                .mapToPair(line -> new Tuple2<>(Integer.valueOf(line), 1L))
                .reduceByKey(Long::sum);
    }

    private static StreamResult windowRowsIn(ZoneId zone) {
        return script("windowRows(counts, " + zone + ")", List.of("3", "3"), List.of("8"))
                .thenEmptyBatches(4)
                .run(lines -> WindowAppendDStream.windowRows(testCounts(lines), zone));
    }

    @Test
    void window_rows_name_the_window_that_ends_at_the_batch_time_in_the_zone_given() {
        // t=15 s is 00:00:15 UTC on 1970-01-01: the window (23:59:45, 00:00:15]
        windowRowsIn(ZoneOffset.UTC)
                .assertBatches(
                        none(),
                        none(),
                        rows(row("235945-000015", 3, 2), row("235945-000015", 8, 1)),
                        none(),
                        none(),
                        rows(row("000000-000030", 3, 2), row("000000-000030", 8, 1)));
        // the same instants in New York, 5 hours behind UTC in January
        windowRowsIn(ZoneId.of("America/New_York"))
                .assertBatches(
                        none(),
                        none(),
                        rows(row("185945-190015", 3, 2), row("185945-190015", 8, 1)),
                        none(),
                        none(),
                        rows(row("190000-190030", 3, 2), row("190000-190030", 8, 1)));
    }

    @Test
    void window_rows_can_be_saved_in_a_checkpoint_as_the_program_does() {
        // Lab08 sets a checkpoint directory (for the inverse function); Spark then saves the whole DStream graph,
        // with the function given to transform and everything it holds, before the first batch
        StreamResult run;
        try {
            run = script(
                            "windowRows(counts, UTC), with a checkpoint directory as in the program",
                            List.of("3", "3"),
                            List.of("8"))
                    .thenEmptyBatches(1)
                    .checkpointing()
                    .run(lines -> WindowAppendDStream.windowRows(testCounts(lines), ZoneOffset.UTC));
        } catch (Exception | LinkageError e) { // Spark's NotSerializableException, undeclared in Java, or an error of
            // its serialization debugger, which needs java.io opened to it
            if (MissingSolutionException.isMissingSolution(e)) {
                throw (RuntimeException) e;
            }
            throw new AssertionFailedError(
                    "Lab 08 WindowAppendDStream.windowRows(counts, UTC), with a checkpoint directory"
                            + " as in the program\n   input      batch 1: [3, 3], batch 2: [8], batch 3: []"
                            + "\n   expected   batch 3 (t=15 s): (235945-000015,3,2) (235945-000015,8,1)"
                            + "\n   actual     Spark did not start: it saves the DStream graph in the checkpoint, with the function"
                            + " given to transform and all that function holds, and could not (" + e + ")"
                            + "\nEverything the function holds must be serializable (a DateTimeFormatter is not): make such a"
                            + " thing inside the function, on the driver, at each batch.",
                    e);
        }
        run.assertBatches(none(), none(), rows(row("235945-000015", 3, 2), row("235945-000015", 8, 1)));
    }
}
