package streamlab.lab09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.Rows.window;
import static streamlab.lab09.Activity.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.LabTest;
import streamlab.harness.MemoryInput;
import streamlab.harness.Rows;
import streamlab.harness.StructuredScript;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * The activity queries of the book, on readings given as JSON lines (Activity.reading(user, gt,
 * model, x, created seconds); y is 2x and z is -x) and parsed with the lab's schema.
 */
@LabTest(lab = "09", api = Api.STRUCTURED)
class Lab09StructuredTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(String exercise, List<String>... batches) {
        return StructuredScript.lines(batches).title("Lab 09 ActivityStructured." + exercise);
    }

    /** Writes a file whole (under a hidden name first), modified at {@code modifiedMs}: the file source reads files in that order. */
    private static void write(Path file, long modifiedMs, String... lines) {
        try {
            Path hidden = file.resolveSibling("." + file.getFileName());
            Files.writeString(hidden, String.join("\n", lines) + "\n");
            if (!hidden.toFile().setLastModified(modifiedMs)) { // before the move: listed once, with this time
                throw new IOException("cannot set the time of " + hidden);
            }
            Files.move(hidden, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_file_stream_reads_one_file_per_micro_batch_with_the_schema(@TempDir Path dir) {
        StructuredScript.from(spark -> ActivityStructured.activityStream(spark, dir.toString()))
                .title("Lab 09 ActivityStructured.activityStream")
                .then("part-0.json (2 readings), part-1.json (1 reading)", () -> {
                    write(
                            dir.resolve("part-0.json"),
                            1_000,
                            reading("a", "sit", "s3", 0.5, 1),
                            reading("b", "walk", "s3", 1, 2));
                    write(dir.resolve("part-1.json"), 2_000, reading("c", "bike", "nexus4", -1.5, 3));
                })
                .then(
                        "part-2.json (1 reading)",
                        () -> write(dir.resolve("part-2.json"), 3_000, reading("a", "stand", "s3", 2, 4)))
                .run(in -> in.select("User", "gt", "x", "Creation_Time"))
                .assertBatches(
                        rows(
                                row("a", "sit", 0.5, 1_000_123_456L),
                                row("b", "walk", 1.0, 2_000_123_456L),
                                row("c", "bike", -1.5, 3_000_123_456L)),
                        rows(row("a", "stand", 2.0, 4_000_123_456L)))
                .microBatches() // one file per micro-batch: the first step runs two
                .assertBatch(1, rows(row("a", "sit", 0.5, 1_000_123_456L), row("b", "walk", 1.0, 2_000_123_456L)))
                .assertBatch(2, rows(row("c", "bike", -1.5, 3_000_123_456L)))
                .assertBatch(3, rows(row("a", "stand", 2.0, 4_000_123_456L)));
    }

    @Test
    void activity_counts_go_to_the_memory_table_whole_after_every_trigger() {
        script(
                        "activityCountsToMemory",
                        List.of(
                                reading("a", "sit", "s3", 0),
                                reading("b", "sit", "s3", 0),
                                reading("a", "walk", "s3", 0),
                                reading("c", "sit", "nexus4", 0)),
                        List.of(reading("a", "walk", "s3", 0), reading("b", null, "s3", 0)),
                        List.of(reading("c", "bike", "s3", 0)))
                .probe("the query's name", q -> q.name())
                .runWriter(in -> ActivityStructured.activityCountsToMemory(Activity.parse(in)))
                .assertBatches(
                        rows(row("sit", 3), row("walk", 1)),
                        rows(row("sit", 3), row("walk", 2), row(null, 1)),
                        rows(row("sit", 3), row("walk", 2), row(null, 1), row("bike", 1)))
                .assertColumns("gt", "count")
                .observed()
                .assertBatches(
                        rows(row("activity_counts")), rows(row("activity_counts")), rows(row("activity_counts")));
    }

    @Test
    void activity_counts_to_memory_is_a_table_that_spark_sql_can_query() throws Exception {
        MemoryInput<String> input = MemoryInput.of(Encoders.STRING(), TestSpark.session());
        input.add(List.of(reading("a", "sit", "s3", 0), reading("b", "sit", "s3", 0), reading("c", "walk", "s3", 0)));
        StreamingQuery query = ActivityStructured.activityCountsToMemory(Activity.parse(input.toDF()))
                .option(
                        "checkpointLocation",
                        TestSpark.newDirectory("memory-sink-").toString())
                .start();
        try {
            TestSpark.processAll(query);
            List<List<Object>> table = new ArrayList<>();
            for (Row r : TestSpark.session()
                    .sql("SELECT * FROM " + ActivityStructured.COUNTS_TABLE)
                    .collectAsList()) {
                table.add(Rows.asRow(r));
            }
            assertThat(table)
                    .as("SELECT * FROM " + ActivityStructured.COUNTS_TABLE + " after readings of sit, sit, walk,"
                            + " with the query started as activityCountsToMemory returns it")
                    .containsExactlyInAnyOrder(row("sit", 2), row("walk", 1));
        } finally {
            query.stop();
        }
    }

    @Test
    void activity_counts_add_up_an_activity_over_partitions_and_batches() {
        script(
                        "activityCounts",
                        List.of(
                                reading("a", "walk", "s3", 0),
                                reading("b", "walk", "s3", 0),
                                reading("c", "walk", "s3", 0)),
                        List.of(reading("a", "walk", "s3", 0), reading("b", "walk", "nexus4", 0)))
                .outputMode("complete")
                .run(in -> ActivityStructured.activityCounts(Activity.parse(in)))
                .assertBatches(rows(row("walk", 3)), rows(row("walk", 5)));
    }

    @Test
    void the_stairs_query_appends_each_reading_on_stairs_once() {
        script(
                        "stairs",
                        List.of(
                                reading("a", "stairsup", "s3", 0, 1), reading("b", "walk", "s3", 0, 2),
                                reading("c", "stairsdown", "nexus4", 0, 3), reading("d", null, "s3", 0, 4)),
                        List.of(reading("a", "sit", "s3", 0, 5)),
                        List.of(reading("b", "stairsup", "nexus4", 0, 6)))
                .outputMode("append")
                .run(in -> ActivityStructured.stairs(Activity.parse(in)))
                .assertBatches(
                        rows(
                                row("stairsup", "s3", 1005, 1_000_123_456L),
                                row("stairsdown", "nexus4", 3005, 3_000_123_456L)),
                        none(),
                        rows(row("stairsup", "nexus4", 6005, 6_000_123_456L)))
                .assertColumns("gt", "model", "arrival_time", "creation_time");
    }

    @Test
    void the_cube_averages_every_activity_and_model_with_all_their_subtotals() {
        script(
                        "deviceModelStats",
                        List.of(reading("a", "sit", "s3", 1), reading("b", "sit", "nexus4", 3)),
                        List.of(reading("c", "walk", "s3", 5)))
                .outputMode("complete")
                .run(in -> ActivityStructured.deviceModelStats(Activity.parse(in)))
                .assertBatches(
                        rows(
                                row("sit", "s3", 1.0, 2.0, -1.0),
                                row("sit", "nexus4", 3.0, 6.0, -3.0),
                                row("sit", null, 2.0, 4.0, -2.0),
                                row(null, "s3", 1.0, 2.0, -1.0),
                                row(null, "nexus4", 3.0, 6.0, -3.0),
                                row(null, null, 2.0, 4.0, -2.0)),
                        rows(
                                row("sit", "s3", 1.0, 2.0, -1.0),
                                row("sit", "nexus4", 3.0, 6.0, -3.0),
                                row("walk", "s3", 5.0, 10.0, -5.0),
                                row("sit", null, 2.0, 4.0, -2.0),
                                row("walk", null, 5.0, 10.0, -5.0),
                                row(null, "s3", 3.0, 6.0, -3.0),
                                row(null, "nexus4", 3.0, 6.0, -3.0),
                                row(null, null, 3.0, 6.0, -3.0)))
                .assertColumns("gt", "model", "avg(x)", "avg(y)", "avg(z)");
    }

    @Test
    void the_cube_stands_beside_the_cube_of_the_history_subtotals_included() {
        Dataset<Row> history = Activity.table(
                List.of(reading("a", "sit", "s3", 1), reading("a", "walk", "s3", 3), reading("b", "sit", "nexus4", 8)));
        script(
                        "cubeBesideHistory (history: a sit s3 x=1, a walk s3 x=3, b sit nexus4 x=8)",
                        List.of(reading("c", "sit", "s3", 2), reading("d", "bike", "s3", 4)),
                        List.of(reading("e", "walk", "s3", 6)))
                .outputMode("complete")
                .run(in -> ActivityStructured.cubeBesideHistory(Activity.parse(in), history))
                .assertBatches(
                        rows(
                                row("sit", "s3", 2.0, 1.0),
                                row("sit", null, 2.0, 4.5), // bike: no history
                                row(null, "s3", 3.0, 2.0),
                                row(null, null, 3.0, 4.0)),
                        rows(
                                row("sit", "s3", 2.0, 1.0),
                                row("walk", "s3", 6.0, 3.0),
                                row("sit", null, 2.0, 4.5),
                                row("walk", null, 6.0, 3.0),
                                row(null, "s3", 4.0, 2.0),
                                row(null, null, 4.0, 4.0)))
                .assertColumns("gt", "model", "avg_x", "usual_x");
    }

    @Test
    void each_reading_is_joined_with_the_usual_x_of_its_user_from_the_static_history() {
        Dataset<Row> history = Activity.table(List.of(
                reading("a", "sit", "s3", 1), reading("a", "walk", "s3", 3), reading("b", "bike", "nexus4", 10)));
        script(
                        "withUsualX",
                        List.of(
                                reading("a", "walk", "s3", 0.5),
                                reading("c", "sit", "s3", 7),
                                reading("a", "sit", "s3", 2)),
                        List.of(reading("b", "sit", "nexus4", 1)))
                .outputMode("append")
                .run(in -> ActivityStructured.withUsualX(Activity.parse(in), history))
                .assertBatches(
                        rows(row("a", "walk", 0.5, 2.0), row("a", "sit", 2.0, 2.0)), // c has no history: left out
                        rows(row("b", "sit", 1.0, 10.0)))
                .assertColumns("User", "gt", "x", "usual_x");
    }

    @Test
    void creation_time_in_nanoseconds_puts_each_reading_in_its_10_s_window() {
        script(
                        "windowedCounts",
                        List.of(
                                reading("a", "sit", "s3", 0, 3.5),
                                reading("b", "sit", "s3", 0, 9.999),
                                reading("c", "sit", "s3", 0, 10)),
                        List.of(reading("a", "walk", "s3", 0, 25), reading("b", "sit", "s3", 0, 1)))
                .outputMode("complete")
                .run(in -> ActivityStructured.windowedCounts(Activity.parse(in)))
                .assertBatches(
                        rows(row(window(0, 10), "sit", 2), row(window(10, 20), "sit", 1)),
                        rows(
                                row(window(0, 10), "sit", 3),
                                row(window(10, 20), "sit", 1),
                                row(window(20, 30), "walk", 1)))
                .assertColumns("window", "gt", "count");
    }

    @Test
    void show_on_a_streaming_table_is_refused() {
        Dataset<Row> lines =
                MemoryInput.of(Encoders.STRING(), TestSpark.session()).toDF();
        Dataset<Row> counts = ActivityStructured.activityCounts(Activity.parse(lines));
        Exception e = assertThrows(Exception.class, counts::show);
        assertTrue(
                e.getMessage().contains("Queries with streaming sources must be executed with writeStream.start()"),
                e.getMessage());
    }
}
