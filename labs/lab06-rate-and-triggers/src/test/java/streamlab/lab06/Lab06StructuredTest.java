package streamlab.lab06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.StructuredScript.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.streaming.StreamingRelationV2;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;
import streamlab.harness.LabTest;
import streamlab.harness.MemoryInput;
import streamlab.harness.StructuredScript;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/** The tests' Spark session reads times in UTC; a test rate starts at the seed's 2022-05-11 16:04:18. */
@LabTest(lab = "06", api = Api.STRUCTURED)
class Lab06StructuredTest {

    private static final Instant T0 = Instant.parse("2022-05-11T16:04:18Z");

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static SparkSession spark() {
        return TestSpark.session();
    }

    // ---- rate: the rate source ----

    @Test
    void rate_is_a_streaming_dataframe_of_timestamp_and_value() {
        Dataset<Row> rates = RateTriggersStructured.rate(spark(), 5);
        assertThat(rates.isStreaming()).as("rate(...).isStreaming()").isTrue();
        assertThat(rates.schema().fieldNames()).as("the rate source's columns").containsExactly("timestamp", "value");
        assertThat(rates.schema().apply("timestamp").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(rates.schema().apply("value").dataType()).isEqualTo(DataTypes.LongType);
    }

    @Test
    void rate_makes_rows_per_second_rows_a_second() throws Exception {
        // AvailableNow on the classic rate source reads up to now (no rows at its very start) and stops
        StreamingQuery query = RateTriggersStructured.rate(spark(), 5)
                .writeStream()
                .format("noop")
                .trigger(Trigger.AvailableNow())
                .start();
        query.awaitTermination();
        assertThat(query.lastProgress().sources()[0].description())
                .as("the source's description in the query's progress")
                .contains("rowsPerSecond=5");
    }

    /**
     * The option {@code name} given to the stream's source, or "(not given)". Left out, numPartitions is
     * the machine's core count: 2 on the tests' local[2], so only the option itself tells.
     */
    private static String sourceOption(Dataset<Row> stream, String name) {
        for (LogicalPlan leaf :
                CollectionConverters.asJava(stream.queryExecution().analyzed().collectLeaves())) {
            if (leaf instanceof StreamingRelationV2 source
                    && source.extraOptions().containsKey(name)) {
                return source.extraOptions().get(name);
            }
        }
        return "(not given)";
    }

    @Test
    void rate_asks_for_2_partitions_whatever_the_machine() {
        assertThat(sourceOption(RateTriggersStructured.rate(spark(), 5), "numPartitions"))
                .as("rate(spark, 5): the option numPartitions of its source (left out, the rows are spread over as"
                        + " many partitions as the machine has cores)")
                .isEqualTo("2");
    }

    // ---- testRate: rate-micro-batch, exact rows per micro-batch ----

    @Test
    void test_rate_gives_exactly_rows_per_batch_and_advances_one_second_per_batch() {
        Timestamp t0 = Timestamp.from(T0);
        Timestamp t1 = Timestamp.from(T0.plusSeconds(1));
        StructuredScript.from(spark -> RateTriggersStructured.testRate(spark, 3, T0.toEpochMilli()))
                .title("Lab 06 RateTriggersStructured.testRate(3 rows per batch, from " + T0 + "), a query per step")
                .then("a query with AvailableNow", () -> {})
                .then("another query on the same checkpoint", () -> {})
                .restartEachStep()
                .runWriter(in -> in.writeStream().trigger(Trigger.AvailableNow()))
                .assertBatches(rows(row(t0, 0), row(t0, 1), row(t0, 2)), rows(row(t1, 3), row(t1, 4), row(t1, 5)))
                .assertColumns("timestamp", "value");
    }

    @Test
    void test_rate_asks_for_2_partitions_whatever_the_machine() {
        assertThat(sourceOption(RateTriggersStructured.testRate(spark(), 3, T0.toEpochMilli()), "numPartitions"))
                .as("testRate(spark, 3, " + T0 + "): the option numPartitions of its source (left out, the rows"
                        + " are spread over as many partitions as the machine has cores)")
                .isEqualTo("2");
    }

    // ---- timeParts: the seed's derived columns ----

    @Test
    void time_parts_split_a_timestamp_into_year_month_day_hour_minute_second() {
        StructuredScript.events(
                        List.of(
                                event(Instant.parse("2022-05-11T16:04:18Z"), "a"),
                                event(Instant.parse("2022-04-27T17:20:19.480Z"), "b")),
                        List.of(event(Instant.parse("2023-12-31T00:05:09Z"), "c")))
                .title("Lab 06 RateTriggersStructured.timeParts (times in UTC)")
                .run(RateTriggersStructured::timeParts)
                .assertBatches(
                        rows(row(2022, 5, 11, 16, 4, 18), row(2022, 4, 27, 17, 20, 19)),
                        rows(row(2023, 12, 31, 0, 5, 9)))
                .assertColumns("year", "month", "day", "hour", "minute", "second");
    }

    @Test
    void time_parts_count_hours_from_0_to_23_not_on_a_12_hour_clock() {
        StructuredScript.events(List.of(
                        event(Instant.parse("2022-05-11T12:30:00Z"), "noon"),
                        event(Instant.parse("2022-05-11T23:59:59Z"), "late"),
                        event(Instant.parse("2022-05-12T00:00:00Z"), "midnight")))
                .title("Lab 06 RateTriggersStructured.timeParts around noon and midnight (UTC)")
                .run(RateTriggersStructured::timeParts)
                .assertBatches(
                        rows(row(2022, 5, 11, 12, 30, 0), row(2022, 5, 11, 23, 59, 59), row(2022, 5, 12, 0, 0, 0)));
    }

    // ---- parquetSink and readBack ----

    @Test
    void the_parquet_sink_writes_every_micro_batch_and_reads_back_as_a_static_dataframe() throws Exception {
        Path dir = TestSpark.newDirectory("lab06-parquet-");
        String output = dir.resolve("output").toString();
        String checkpoint = dir.resolve("checkpoint").toString();
        for (int start = 0; start < 2; start++) { // two runs of the program, one micro-batch each
            Dataset<Row> parts =
                    RateTriggersStructured.timeParts(RateTriggersStructured.testRate(spark(), 2, T0.toEpochMilli()));
            StreamingQuery query = RateTriggersStructured.parquetSink(parts, output, checkpoint)
                    .trigger(Trigger.AvailableNow())
                    .start();
            query.awaitTermination();
        }
        assertThat(dir.resolve("checkpoint/offsets"))
                .as("the query's checkpoint")
                .isDirectory();
        assertThat(dir.resolve("output/_spark_metadata"))
                .as("the file sink's log of committed files")
                .isDirectory();

        Dataset<Row> back = RateTriggersStructured.readBack(spark(), output);
        assertThat(back.isStreaming()).as("readBack(...).isStreaming()").isFalse();
        assertThat(back.collectAsList())
                .as("the rows read back")
                .map(Row::toString)
                .containsExactlyInAnyOrder(
                        "[2022,5,11,16,4,18]", "[2022,5,11,16,4,18]", "[2022,5,11,16,4,19]", "[2022,5,11,16,4,19]");
    }

    @Test
    void read_back_reads_only_the_files_the_sink_committed_in_its_log() throws Exception {
        Path dir = TestSpark.newDirectory("lab06-parquet-");
        Path output = dir.resolve("output");
        Dataset<Row> parts =
                RateTriggersStructured.timeParts(RateTriggersStructured.testRate(spark(), 4, T0.toEpochMilli()));
        StreamingQuery query = RateTriggersStructured.parquetSink(
                        parts, output.toString(), dir.resolve("checkpoint").toString())
                .trigger(Trigger.AvailableNow())
                .start();
        query.awaitTermination();
        // a micro-batch whose task wrote its file, and whose driver died before the sink's log recorded it
        List<Path> written;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(output)) {
            written = files.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .sorted()
                    .toList();
        }
        assertThat(written).as("the Parquet files of the one micro-batch").isNotEmpty();
        java.nio.file.Files.copy(
                written.get(0), output.resolve("part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet"));

        Dataset<Row> back = RateTriggersStructured.readBack(spark(), output.toString());
        assertThat(back.collectAsList())
                .as("the rows read back from " + output + ", which holds the files of one"
                        + " committed micro-batch (4 rows) and a file no micro-batch committed (not in _spark_metadata):"
                        + " read the folder itself, so that Spark reads the files its log lists, not every file there")
                .map(Row::toString)
                .containsExactlyInAnyOrder(
                        "[2022,5,11,16,4,18]", "[2022,5,11,16,4,18]", "[2022,5,11,16,4,18]", "[2022,5,11,16,4,18]");
    }

    // ---- trigger ----

    @Test
    void trigger_names_the_four_triggers_of_this_lab() {
        assertThat(RateTriggersStructured.trigger("default", 10))
                .as("trigger(\"default\", 10)")
                .isEqualTo(Trigger.ProcessingTime(0L));
        assertThat(RateTriggersStructured.trigger("processing", 10))
                .as("trigger(\"processing\", 10)")
                .isEqualTo(Trigger.ProcessingTime(10, TimeUnit.SECONDS));
        assertThat(RateTriggersStructured.trigger("available-now", 10))
                .as("trigger(\"available-now\", 10)")
                .isEqualTo(Trigger.AvailableNow());
        assertThat(RateTriggersStructured.trigger("continuous", 2))
                .as("trigger(\"continuous\", 2)")
                .isEqualTo(Trigger.Continuous(2, TimeUnit.SECONDS));
    }

    @Test
    @SuppressWarnings("deprecation") // Trigger.Once: the lab shows it beside AvailableNow
    void once_reads_all_in_one_micro_batch_where_available_now_keeps_to_the_source_limits(@TempDir Path dir)
            throws Exception {
        assertThat(RateTriggersStructured.trigger("once", 0))
                .as("trigger(\"once\", 0)")
                .isEqualTo(Trigger.Once());
        assertThatThrownBy(() -> RateTriggersStructured.trigger("sometimes", 0))
                .as("trigger(\"sometimes\", 0)")
                .isInstanceOf(IllegalArgumentException.class);
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(dir.resolve(name), name + "\n");
        }
        Dataset<Row> files =
                spark().readStream().option("maxFilesPerTrigger", 1).text(dir.toString());
        String input = "a folder of three files of one line each, read with maxFilesPerTrigger 1: rows read by each"
                + " micro-batch that read some";
        assertThat(rowsPerMicroBatch(files, RateTriggersStructured.trigger("once", 0)))
                .as(input + ", trigger(\"once\")")
                .containsExactly(3L);
        assertThat(rowsPerMicroBatch(files, RateTriggersStructured.trigger("available-now", 0)))
                .as(input + ", trigger(\"available-now\")")
                .containsExactly(1L, 1L, 1L);
    }

    /** Runs a query with {@code trigger}, which ends by itself; the rows each micro-batch with input read. */
    private static List<Long> rowsPerMicroBatch(Dataset<Row> source, Trigger trigger) throws Exception {
        StreamingQuery query =
                source.writeStream().format("noop").trigger(trigger).start();
        try {
            assertThat(query.awaitTermination(60_000))
                    .as("the query of " + trigger + " ended by itself")
                    .isTrue();
        } finally {
            query.stop();
        }
        return Arrays.stream(query.recentProgress())
                .map(StreamingQueryProgress::numInputRows)
                .filter(n -> n > 0)
                .toList();
    }

    @Test
    void an_available_now_query_reads_what_is_there_and_stops_by_itself() throws Exception {
        Trigger trigger = RateTriggersStructured.trigger("available-now", 0);
        assertThat(trigger).as("trigger(\"available-now\", 0)").isEqualTo(Trigger.AvailableNow());
        MemoryInput<String> input = MemoryInput.of(Encoders.STRING(), spark());
        input.add(List.of("a", "b"));
        input.add(List.of("c"));
        String table = "lab06_available_now_" + UUID.randomUUID().toString().replace("-", "");
        StreamingQuery query = input.toDF()
                .writeStream()
                .format("memory")
                .queryName(table)
                .trigger(trigger)
                .start();
        query.awaitTermination();
        assertThat(query.isActive()).as("the query after reading all there was").isFalse();
        assertThat(spark().table(table).collectAsList())
                .map(r -> r.getString(0))
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void a_continuous_query_runs_a_projection_and_refuses_an_aggregation() throws Exception {
        Trigger trigger = RateTriggersStructured.trigger("continuous", 1);
        assertThat(trigger).as("trigger(\"continuous\", 1)").isEqualTo(Trigger.Continuous(1, TimeUnit.SECONDS));
        // one partition: a continuous query holds a core per partition for as long as it runs
        Dataset<Row> parts = RateTriggersStructured.timeParts(spark().readStream()
                .format("rate")
                .option("rowsPerSecond", 20)
                .option("numPartitions", 1)
                .load());

        String table = "lab06_continuous_" + UUID.randomUUID().toString().replace("-", "");
        StreamingQuery query = parts.writeStream()
                .format("memory")
                .queryName(table)
                .trigger(trigger)
                .start();
        try {
            long rows = 0;
            while (rows < 3) { // rows come in as the source makes them: wait for a few, whatever the speed
                assertThat(query.exception().isDefined())
                        .as("the continuous query failed")
                        .isFalse();
                query.awaitTermination(50);
                rows = spark().table(table).collectAsList().size(); // the memory table: no Spark job
            }
            assertThat(spark().table(table).columns())
                    .containsExactly("year", "month", "day", "hour", "minute", "second");
        } finally {
            query.stop();
        }
        assertThatThrownBy(() -> parts.groupBy("second")
                        .count()
                        .writeStream()
                        .outputMode("complete")
                        .format("memory")
                        .queryName(table + "_counts")
                        .trigger(trigger)
                        .start())
                .as("an aggregation with the continuous trigger")
                .hasMessageContaining("Continuous processing does not support Aggregate operations");
    }

    // ---- stopAll: the course's kill_all ----

    @Test
    void stop_all_stops_every_active_query_and_names_its_source() throws Exception {
        List<StreamingQuery> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MemoryInput<String> input = MemoryInput.of(Encoders.STRING(), spark());
            input.add(List.of("line " + i));
            StreamingQuery query = input.toDF().writeStream().format("noop").start();
            TestSpark.processAll(query);
            started.add(query);
        }
        assertThat(spark().streams().active())
                .as("active queries before stopAll")
                .hasSize(3);

        List<String> lines = RateTriggersStructured.stopAll(spark());

        assertThat(spark().streams().active())
                .as("active queries after stopAll")
                .isEmpty();
        assertThat(started)
                .as("every query after stopAll")
                .allSatisfy(q -> assertThat(q.isActive()).isFalse());
        assertThat(lines)
                .as("what stopAll returns")
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("Stopped MemoryStream["));
    }

    /** Opened by the first micro-batch of the query below, which then waits until it is stopped. */
    private static final CountDownLatch IN_FIRST_BATCH = new CountDownLatch(1);

    @Test
    void stop_all_names_a_query_that_has_not_finished_a_micro_batch_by_its_id() throws Exception {
        MemoryInput<String> input = MemoryInput.of(Encoders.STRING(), spark());
        input.add(List.of("a line"));
        StreamingQuery query = input.toDF()
                .writeStream()
                .foreachBatch((Dataset<Row> batch, Long id) -> {
                    IN_FIRST_BATCH.countDown();
                    new CountDownLatch(1).await(); // never done: stop() interrupts it
                })
                .start();
        assertThat(IN_FIRST_BATCH.await(2, TimeUnit.MINUTES))
                .as("the first micro-batch started")
                .isTrue();
        assertThat(query.lastProgress())
                .as("lastProgress while the first micro-batch runs")
                .isNull();

        List<String> lines = RateTriggersStructured.stopAll(spark());

        assertThat(query.isActive()).as("the query is active after stopAll").isFalse();
        assertThat(lines)
                .as("what stopAll returns for a query in its first micro-batch")
                .containsExactly("Stopped query " + query.id() + " (no micro-batch yet)");
    }

    @Test
    void stop_all_with_nothing_running_stops_nothing() throws TimeoutException {
        assertThat(RateTriggersStructured.stopAll(spark()))
                .as("stopAll with no active query")
                .isEmpty();
    }

    // ---- progressLine and fallingBehind: reading lastProgress ----

    private static StreamingQueryProgress progress(long batchId, long rows, long durationMs, double in, double done) {
        SourceProgress source =
                new SourceProgress("RateStreamV2[rowsPerSecond=5]", "0", "1", "1", rows, in, done, Map.of());
        return new StreamingQueryProgress(
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                "2022-05-11T16:04:18.000Z",
                batchId,
                durationMs,
                Map.of("triggerExecution", durationMs),
                Map.of(),
                new org.apache.spark.sql.streaming.StateOperatorProgress[0],
                new SourceProgress[] {source},
                null,
                Map.of());
    }

    @Test
    void progress_line_reads_batch_rows_duration_and_rates() {
        assertThat(RateTriggersStructured.progressLine(progress(3, 10, 120, 5.0, 83.33)))
                .isEqualTo("batch 3: 10 rows in 120 ms (input 5.0 rows/s, processed 83.3 rows/s)");
        assertThat(RateTriggersStructured.progressLine(progress(0, 0, 7, 0.0, 0.0)))
                .isEqualTo("batch 0: 0 rows in 7 ms (input 0.0 rows/s, processed 0.0 rows/s)");
    }

    @Test
    void progress_line_of_a_real_micro_batch() {
        StructuredScript.from(spark -> RateTriggersStructured.testRate(spark, 4, T0.toEpochMilli()))
                .title("Lab 06 RateTriggersStructured.progressLine(query.lastProgress())")
                .then("a query with AvailableNow", () -> {})
                .restartEachStep()
                .probe(
                        "progressLine(lastProgress) up to \" in\"",
                        q -> RateTriggersStructured.progressLine(q.lastProgress())
                                .replaceAll(" in .*", ""))
                .runWriter(in -> in.writeStream().trigger(Trigger.AvailableNow()))
                .observed()
                .assertBatches(rows(row("batch 0: 4 rows")));
    }

    @Test
    void a_query_falls_behind_when_every_recent_batch_processed_fewer_rows_a_second_than_came_in() {
        assertThat(RateTriggersStructured.fallingBehind(
                        List.of(progress(1, 100, 2000, 100, 50), progress(2, 200, 2000, 100, 99.9))))
                .as("processed below input in both batches")
                .isTrue();
        assertThat(RateTriggersStructured.fallingBehind(
                        List.of(progress(1, 100, 2000, 100, 50), progress(2, 100, 500, 100, 200))))
                .as("the last batch caught up")
                .isFalse();
        assertThat(RateTriggersStructured.fallingBehind(List.of(progress(1, 100, 1000, 100, 100))))
                .as("processed exactly as fast as the input came")
                .isFalse();
    }

    @Test
    void batches_without_input_say_nothing_about_falling_behind() {
        assertThat(RateTriggersStructured.fallingBehind(
                        List.of(progress(1, 100, 2000, 100, 50), progress(2, 0, 5, 0, 0))))
                .as("a slow batch, then one without input")
                .isTrue();
        assertThat(RateTriggersStructured.fallingBehind(List.of(progress(1, 0, 5, 0, 0))))
                .as("only a batch without input")
                .isFalse();
        assertThat(RateTriggersStructured.fallingBehind(List.of()))
                .as("no progress yet")
                .isFalse();
    }
}
