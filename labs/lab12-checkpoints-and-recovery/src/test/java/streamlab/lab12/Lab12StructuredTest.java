package streamlab.lab12;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab12.IotData.event;
import static streamlab.lab12.IotData.put;
import static streamlab.lab12.IotData.t;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.LabTest;
import streamlab.harness.MemoryInput;
import streamlab.harness.StructuredScript;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * Events of 2023-10-27 (UTC) in JSON files, two files a step (a micro-batch of two partitions), windows
 * of one minute, a watermark of 30 s: after a step, the watermark is the latest event time so far minus
 * 30 s, and every window that ends at or before it is final.
 */
@LabTest(lab = "12", api = Api.STRUCTURED)
class Lab12StructuredTest {

    @TempDir
    Path dir;

    private StreamingQuery ownQuery;

    @AfterEach
    void stop_own_query() throws TimeoutException {
        if (ownQuery != null) {
            ownQuery.stop();
        }
    }

    private static Dataset<Row> jsonEvents(SparkSession spark, Path in) {
        return spark.readStream()
                .schema(IotEvent.SCHEMA)
                .option("maxFilesPerTrigger", 2)
                .json(in.toString());
    }

    /** The steps of the window tests: HIGH events of several devices, in both files of a step and in several steps. */
    private StructuredScript windowSteps(String exercise) {
        Path in = dir.resolve("in");
        return StructuredScript.from(
                        spark -> jsonEvents(spark, put(in, ".start", "").getParent()))
                .title("Lab 12 RecoveryStructured." + exercise + ", windows of 1 minute, watermark 30 s")
                .then(
                        "a.json: dev-01 HIGH 10:00:05, dev-02 LOW 10:00:10, dev-03 HIGH 10:00:20;"
                                + " b.json: dev-04 HIGH 10:00:25, dev-05 MEDIUM 10:00:40 (watermark after it: 10:00:10)",
                        () -> {
                            put(
                                    in,
                                    "a.json",
                                    event("dev-01", 95.5, "HIGH", "10:00:05"),
                                    event("dev-02", 20.0, "LOW", "10:00:10"),
                                    event("dev-03", 99.0, "HIGH", "10:00:20"));
                            put(
                                    in,
                                    "b.json",
                                    event("dev-04", 101.2, "HIGH", "10:00:25"),
                                    event("dev-05", 60.0, "MEDIUM", "10:00:40"));
                        })
                .then(
                        "c.json: dev-01 HIGH 10:00:55, dev-02 LOW 10:01:10; d.json: dev-03 HIGH 10:01:20,"
                                + " dev-06 HIGH 10:01:35 (watermark 10:01:05: [10:00, 10:01) is final)",
                        () -> {
                            put(
                                    in,
                                    "c.json",
                                    event("dev-01", 97.0, "HIGH", "10:00:55"),
                                    event("dev-02", 21.5, "LOW", "10:01:10"));
                            put(
                                    in,
                                    "d.json",
                                    event("dev-03", 93.3, "HIGH", "10:01:20"),
                                    event("dev-06", 92.0, "HIGH", "10:01:35"));
                        })
                .then(
                        "e.json: dev-05 HIGH 10:01:55; f.json: dev-04 MEDIUM 10:02:45 (watermark 10:02:15: [10:01, 10:02)"
                                + " is final)",
                        () -> {
                            put(in, "e.json", event("dev-05", 96.1, "HIGH", "10:01:55"));
                            put(in, "f.json", event("dev-04", 70.0, "MEDIUM", "10:02:45"));
                        })
                .then(
                        "g.json: dev-01 HIGH 10:01:50 (behind the watermark: its window is written already);"
                                + " h.json: dev-02 HIGH 10:02:20 (in the open window [10:02, 10:03))",
                        () -> {
                            put(in, "g.json", event("dev-01", 98.0, "HIGH", "10:01:50"));
                            put(in, "h.json", event("dev-02", 91.0, "HIGH", "10:02:20"));
                        });
    }

    private static final List<List<List<Object>>> WINDOW_STEPS = List.of(
            none(),
            rows(
                    row(t("10:00"), t("10:01"), "HIGH", 4),
                    row(t("10:00"), t("10:01"), "LOW", 1),
                    row(t("10:00"), t("10:01"), "MEDIUM", 1)),
            rows(row(t("10:01"), t("10:02"), "HIGH", 3), row(t("10:01"), t("10:02"), "LOW", 1)),
            none());

    // ---- eventsPerWindow: an aggregation that append mode can write ----

    @Test
    void events_per_window_writes_each_window_once_when_the_watermark_has_passed_its_end() {
        windowSteps("eventsPerWindow")
                .outputMode("append")
                .run(RecoveryStructured::eventsPerWindow)
                .assertBatches(WINDOW_STEPS.get(0), WINDOW_STEPS.get(1), WINDOW_STEPS.get(2), WINDOW_STEPS.get(3))
                .assertColumns("start", "end", "danger_level", "events");
    }

    @Test
    void events_per_window_go_on_with_their_state_after_a_restart_from_the_checkpoint() {
        // [10:01, 10:02) has two HIGH events before the restart and one after it: 3 only if the state came back
        windowSteps("eventsPerWindow")
                .restartAfter(2)
                .outputMode("append")
                .run(RecoveryStructured::eventsPerWindow)
                .assertBatches(WINDOW_STEPS.get(0), WINDOW_STEPS.get(1), WINDOW_STEPS.get(2), WINDOW_STEPS.get(3));
    }

    // ---- toFiles: a file sink, exactly once across a crash ----

    /** The output of a file sink, read back as a stream: each step shows what the sink committed in it. */
    private static final StructType OUTPUT =
            StructType.fromDDL("start TIMESTAMP, `end` TIMESTAMP, danger_level STRING, events BIGINT");

    @Test
    void to_files_commits_each_window_once_even_when_a_micro_batch_runs_again_after_a_crash() {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        put(in, ".start", "");
        put(out, ".start", "");
        SparkSession spark = TestSpark.session();
        long[] crashed = {-1};
        Runnable runTheQuery = () -> {
            try {
                if (ownQuery == null) {
                    ownQuery = RecoveryStructured.toFiles(
                                    RecoveryStructured.eventsPerWindow(jsonEvents(spark, in)),
                                    out.toString(),
                                    checkpoint.toString())
                            .start();
                }
                TestSpark.processAll(ownQuery);
            } catch (TimeoutException e) {
                throw new IllegalStateException(e);
            }
        };
        StructuredScript.from(s -> s.readStream().schema(OUTPUT).json(out.toString()))
                .title("Lab 12 RecoveryStructured.toFiles(eventsPerWindow(events), out, checkpoint): what the JSON"
                        + " file sink committed at each step, read back as a stream")
                .then("dataset events-01.json, the query runs", () -> {
                    put(in, "events-01.json", IotData.dataset(1), 0);
                    runTheQuery.run();
                })
                .then("dataset events-02.json, the query runs", () -> {
                    put(in, "events-02.json", IotData.dataset(2), 0);
                    runTheQuery.run();
                })
                .then(
                        "the program is killed after its last micro-batch wrote its files but before commits/N;"
                                + " it starts again on the same checkpoint and runs micro-batch N again",
                        () -> {
                            try {
                                ownQuery.stop();
                            } catch (TimeoutException e) {
                                throw new IllegalStateException(e);
                            }
                            ownQuery = null;
                            crashed[0] = IotData.lastCommit(checkpoint);
                            IotData.forget(checkpoint.resolve("commits").resolve(String.valueOf(crashed[0])));
                            runTheQuery.run();
                        })
                .then("dataset events-03.json and events-04.json (to 10:03:15), the query runs", () -> {
                    put(in, "events-03.json", IotData.dataset(3), 0);
                    put(in, "events-04.json", IotData.dataset(4), 0);
                    runTheQuery.run();
                })
                .outputMode("append")
                .run(rows -> rows)
                .assertBatches(
                        none(),
                        rows(
                                row(t("10:00"), t("10:01"), "HIGH", 3),
                                row(t("10:00"), t("10:01"), "LOW", 2),
                                row(t("10:00"), t("10:01"), "MEDIUM", 7)),
                        none(),
                        // watermark 10:03:15 - 30 s = 10:02:45: [10:01, 10:02) is final, [10:02, 10:03) is not
                        rows(
                                row(t("10:01"), t("10:02"), "HIGH", 3),
                                row(t("10:01"), t("10:02"), "LOW", 6),
                                row(t("10:01"), t("10:02"), "MEDIUM", 3)));
        assertThat(crashed[0])
                .as("the micro-batch that ran again after the crash")
                .isPositive();
    }

    @Test
    void to_files_leaves_a_checkpoint_and_a_sink_log_that_a_static_read_follows() {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        put(in, "events-01.json", IotData.dataset(1), 0);
        put(in, "events-02.json", IotData.dataset(2), 0);
        SparkSession spark = TestSpark.session();
        try {
            ownQuery = RecoveryStructured.toFiles(
                            RecoveryStructured.eventsPerWindow(jsonEvents(spark, in)),
                            out.toString(),
                            checkpoint.toString())
                    .start();
            TestSpark.processAll(ownQuery);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        assertThat(IotData.names(checkpoint))
                .as("the query's checkpoint folder %s", checkpoint)
                .contains("commits", "metadata", "offsets", "sources", "state");
        assertThat(IotData.names(out))
                .as("the sink's folder %s: its log and the data files", out)
                .contains("_spark_metadata")
                .anyMatch(name -> name.startsWith("part-") && name.endsWith(".json"));
        Expect.rows(
                "Lab 12 RecoveryStructured.toFiles: spark.read().json(" + out + ") after the query read two files",
                List.of("dataset events-01.json and events-02.json, in one micro-batch (maxFilesPerTrigger 2)"),
                rows(
                        row(t("10:00"), t("10:01"), "HIGH", 3),
                        row(t("10:00"), t("10:01"), "LOW", 2),
                        row(t("10:00"), t("10:01"), "MEDIUM", 7)),
                spark.read().schema(OUTPUT).json(out.toString()));
    }

    // ---- openWindows: Spark 4's state reader ----

    /** The query openWindows reads the state of: eventsPerWindow's aggregation, written by the test. */
    private StreamingQuery sameStateAsEventsPerWindow(SparkSession spark, Path in, Path checkpoint)
            throws TimeoutException {
        return jsonEvents(spark, in)
                .withWatermark("timestamp", "30 seconds")
                .groupBy(
                        org.apache.spark.sql.functions.window(
                                org.apache.spark.sql.functions.col("timestamp"), "1 minute"),
                        org.apache.spark.sql.functions.col("danger_level"))
                .count()
                .writeStream()
                .format("noop")
                .outputMode("update")
                .option("checkpointLocation", checkpoint.toString())
                .start();
    }

    @Test
    void open_windows_reads_the_state_of_the_last_micro_batch_the_windows_the_watermark_has_not_closed()
            throws TimeoutException {
        Path in = dir.resolve("in");
        Path checkpoint = dir.resolve("checkpoint");
        SparkSession spark = TestSpark.session();
        List<String> input = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
            input.add("dataset events-0" + k
                    + ".json, then the query runs (a micro-batch for it, one for the watermark)");
            if (ownQuery == null) {
                ownQuery = sameStateAsEventsPerWindow(spark, in, checkpoint);
            }
            TestSpark.processAll(ownQuery);
        }
        ownQuery.stop();
        ownQuery = null;
        input.add("the query is stopped; RecoveryStructured.openWindows(spark, checkpoint)");
        // the watermark is 10:02:25 - 30 s = 10:01:55: [10:00, 10:01) is gone from the state, the other two are open
        Expect.rows(
                "Lab 12 RecoveryStructured.openWindows: the state of a query grouped by 1-minute window and"
                        + " danger_level, after three files",
                input,
                rows(
                        row(t("10:01"), t("10:02"), "HIGH", 3),
                        row(t("10:01"), t("10:02"), "LOW", 6),
                        row(t("10:01"), t("10:02"), "MEDIUM", 3),
                        row(t("10:02"), t("10:03"), "HIGH", 2),
                        row(t("10:02"), t("10:03"), "LOW", 2),
                        row(t("10:02"), t("10:03"), "MEDIUM", 2)),
                RecoveryStructured.openWindows(spark, checkpoint.toString()));
        assertThat(RecoveryStructured.openWindows(spark, checkpoint.toString()).columns())
                .as("the columns of openWindows")
                .containsExactly("start", "end", "danger_level", "events");
    }

    @Test
    void open_windows_after_one_file_holds_every_window_of_that_file() throws TimeoutException {
        Path in = dir.resolve("in");
        Path checkpoint = dir.resolve("checkpoint");
        SparkSession spark = TestSpark.session();
        put(in, "events-01.json", IotData.dataset(1), 0);
        ownQuery = sameStateAsEventsPerWindow(spark, in, checkpoint);
        TestSpark.processAll(ownQuery);
        Expect.rows(
                "Lab 12 RecoveryStructured.openWindows: the state of a running query after one file",
                List.of("dataset events-01.json (10:00:00 to 10:00:45), the query runs and goes on running"),
                rows(
                        row(t("10:00"), t("10:01"), "HIGH", 3),
                        row(t("10:00"), t("10:01"), "LOW", 1),
                        row(t("10:00"), t("10:01"), "MEDIUM", 6)),
                RecoveryStructured.openWindows(spark, checkpoint.toString()));
    }

    // ---- alerts: Kafka records in, Kafka records out ----

    /** The columns of Spark's Kafka source. */
    private static final StructType KAFKA = StructType.fromDDL("key BINARY, value BINARY, topic STRING, partition INT,"
            + " `offset` BIGINT, timestamp TIMESTAMP, timestampType INT");

    private static Row record(int partition, long offset, String value) {
        return RowFactory.create(
                null,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "iot-events",
                partition,
                offset,
                Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(offset)),
                0);
    }

    private static String alert(String device, String temperature, String time, String from) {
        return "{\"deviceId\":\"" + device + "\",\"temperature\":" + temperature + ",\"timestamp\":\"2023-10-27T" + time
                + "Z\",\"from\":\"" + from + "\"}";
    }

    @Test
    void alerts_give_one_record_per_high_event_keyed_by_its_device_and_saying_where_it_came_from() {
        @SuppressWarnings({"unchecked", "rawtypes"}) // a holder the lambda below fills: Java has no generic arrays
        MemoryInput<Row>[] records = new MemoryInput[1];
        StructuredScript.from(spark -> {
                    records[0] = MemoryInput.of(Encoders.row(KAFKA), spark);
                    return records[0].toDF();
                })
                .title("Lab 12 RecoveryStructured.alerts, on records with the Kafka source's columns")
                .then(
                        "iot-events/0/0 dev-01 HIGH, iot-events/1/0 dev-02 LOW, iot-events/0/1 \"not an event\","
                                + " iot-events/1/1 dev-01 HIGH",
                        () -> records[0].add(List.of(
                                record(0, 0, event("dev-01", 107.8, "HIGH", "10:00:05")),
                                record(1, 0, event("dev-02", 20.0, "LOW", "10:00:10")),
                                record(0, 1, "not an event"),
                                record(1, 1, event("dev-01", 99.5, "HIGH", "10:00:15")))))
                .then("nothing", () -> records[0].add(List.of()))
                .then(
                        // dev-05's "high" is not HIGH: the danger levels are written in capitals
                        "iot-events/0/2 dev-03 MEDIUM, iot-events/1/2 dev-04 HIGH, iot-events/0/3 dev-05 high",
                        () -> records[0].add(List.of(
                                record(0, 2, event("dev-03", 70.0, "MEDIUM", "10:00:20")),
                                record(1, 2, event("dev-04", 91.0, "HIGH", "10:00:25")),
                                record(0, 3, event("dev-05", 104.0, "high", "10:00:30")))))
                .outputMode("append")
                .run(RecoveryStructured::alerts)
                .assertBatches(
                        rows(
                                row("dev-01", alert("dev-01", "107.8", "10:00:05", "iot-events/0/0")),
                                row("dev-01", alert("dev-01", "99.5", "10:00:15", "iot-events/1/1"))),
                        none(),
                        rows(row("dev-04", alert("dev-04", "91.0", "10:00:25", "iot-events/1/2"))))
                .assertColumns("key", "value");
    }
}
