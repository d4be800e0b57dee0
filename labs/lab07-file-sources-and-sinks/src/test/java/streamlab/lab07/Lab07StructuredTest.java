package streamlab.lab07;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab07.TestFiles.dataset;
import static streamlab.lab07.TestFiles.put;
import static streamlab.lab07.TestFiles.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.LabTest;
import streamlab.harness.Rows;
import streamlab.harness.StreamResult;
import streamlab.harness.StructuredScript;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * Every test watches a folder of its own: each step puts files into it (written under a hidden name,
 * then moved into place, with a modification time of 1 s, 2 s, ...: the file source reads them in that
 * order), then the query reads what is new. The folder {@code datasets/} is read in place by two tests.
 */
@LabTest(lab = "07", api = Api.STRUCTURED)
class Lab07StructuredTest {

    private static final String[] ZIPCODE_FIELDS = {
        "RecordNumber",
        "Zipcode",
        "ZipCodeType",
        "City",
        "State",
        "LocationType",
        "Lat",
        "Long",
        "Xaxis",
        "Yaxis",
        "Zaxis",
        "WorldRegion",
        "Country",
        "LocationText",
        "Location",
        "Decommisioned"
    };
    private static final String CORRUPT = FileSourcesStructured.CORRUPT_RECORD;

    @TempDir
    Path dir;

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static SparkSession spark() {
        return TestSpark.session();
    }

    private static Path zipcodes(int n) {
        return dataset("zipcodes/zipcode" + n + ".json");
    }

    private static Path iot(int n) {
        return dataset("iot/events-0" + n + ".json");
    }

    /** One row per record number, from {@code first} to {@code last}. */
    private static List<List<Object>> recordNumbers(int first, int last) {
        List<List<Object>> rows = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            rows.add(row(n));
        }
        return rows;
    }

    private static List<Object> event(String device, double temperature, String level, String time) {
        return row(device, temperature, level, Instant.parse(time));
    }

    // ---- zipcodeSchema and jsonFiles: a schema, and maxFilesPerTrigger ----

    @Test
    void the_zipcode_schema_has_the_16_fields_of_the_seed_in_their_order() {
        StructType schema = FileSourcesStructured.zipcodeSchema();
        assertThat(schema.fieldNames()).as("zipcodeSchema().fieldNames()").containsExactly(ZIPCODE_FIELDS);
        assertThat(schema.apply("RecordNumber").dataType())
                .as("the type of RecordNumber")
                .isEqualTo(DataTypes.IntegerType);
        for (int i = 1; i < ZIPCODE_FIELDS.length; i++) {
            assertThat(schema.apply(ZIPCODE_FIELDS[i]).dataType())
                    .as("the type of " + ZIPCODE_FIELDS[i])
                    .isEqualTo(DataTypes.StringType);
        }
        assertThat(schema.fields())
                .as("every field may be null (a JSON line may leave it out)")
                .allSatisfy(
                        f -> assertThat(f.nullable()).as(f.name() + " nullable").isTrue());
    }

    @Test
    void a_zipcode_line_fills_every_column_of_the_schema() {
        StructuredScript.from(s ->
                        FileSourcesStructured.jsonFiles(s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.jsonFiles(zipcodeSchema(), folder, 1), the row of RecordNumber 1")
                .then("zipcode1.json", () -> put(zipcodes(1), dir, 1_000))
                .run(rows -> rows.where("RecordNumber = 1"))
                .assertBatches(rows(row(
                        1,
                        "34445",
                        "PO BOX",
                        "HOLDER",
                        "FL",
                        "ACCEPTABLE",
                        "28.96",
                        "-82.41",
                        "0.12",
                        "-0.87",
                        "0.48",
                        "NA",
                        "US",
                        "Holder, FL",
                        "NA-US-FL-HOLDER",
                        "true")))
                .assertColumns(ZIPCODE_FIELDS);
    }

    @Test
    void max_files_per_trigger_1_reads_one_file_per_micro_batch() {
        StreamResult run = StructuredScript.from(s ->
                        FileSourcesStructured.jsonFiles(s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.jsonFiles(zipcodeSchema(), folder, 1), RecordNumber of each row")
                .then("zipcode1.json", () -> put(zipcodes(1), dir, 1_000))
                .then("zipcode2.json and zipcode3.json", () -> {
                    put(zipcodes(2), dir, 2_000);
                    put(zipcodes(3), dir, 3_000);
                })
                .then("nothing new", () -> {})
                .run(rows -> rows.select("RecordNumber"));
        run.assertBatches(recordNumbers(1, 20), recordNumbers(21, 60), none());
        assertThat(run.microBatches().steps())
                .as("one micro-batch per file:\n" + run.microBatches())
                .hasSize(3);
        run.microBatches().assertBatches(recordNumbers(1, 20), recordNumbers(21, 40), recordNumbers(41, 60));
    }

    @Test
    void max_files_per_trigger_2_reads_two_files_per_micro_batch_as_the_seed_does() {
        StreamResult run = StructuredScript.from(s -> {
                    // the three files are there before the query starts, so its first micro-batch finds them
                    // together (written while it runs, it could list the first one alone)
                    put(zipcodes(1), dir, 1_000);
                    put(zipcodes(2), dir, 2_000);
                    put(zipcodes(3), dir, 3_000);
                    return FileSourcesStructured.jsonFiles(s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 2);
                })
                .title("Lab 07 FileSourcesStructured.jsonFiles(zipcodeSchema(), folder, 2), RecordNumber of each row")
                .then("zipcode1.json, zipcode2.json and zipcode3.json, there before the start", () -> {})
                .run(rows -> rows.select("RecordNumber"));
        run.assertBatches(recordNumbers(1, 60));
        assertThat(run.microBatches().steps())
                .as("two files, then the third:\n" + run.microBatches())
                .hasSize(2);
        run.microBatches().assertBatches(recordNumbers(1, 40), recordNumbers(41, 60));
    }

    // ---- inferredSchema: no schema, no stream ----

    @Test
    void a_streaming_file_source_needs_a_schema_and_a_static_read_can_infer_one() {
        put(zipcodes(1), dir, 1_000);
        assertThatThrownBy(() -> spark().readStream().json(dir.toString()))
                .as("spark.readStream().json(folder), without a schema")
                .hasMessageContaining("Schema must be specified when creating a streaming source DataFrame");

        StructType inferred = FileSourcesStructured.inferredSchema(spark(), dir.toString());
        // a static read infers its columns from the data: in alphabetical order, whole numbers as bigint
        assertThat(inferred.fieldNames())
                .as("inferredSchema(folder of zipcode1.json).fieldNames()")
                .containsExactly(
                        "City",
                        "Country",
                        "Decommisioned",
                        "Lat",
                        "Location",
                        "LocationText",
                        "LocationType",
                        "Long",
                        "RecordNumber",
                        "State",
                        "WorldRegion",
                        "Xaxis",
                        "Yaxis",
                        "Zaxis",
                        "ZipCodeType",
                        "Zipcode");
        assertThat(inferred.apply("RecordNumber").dataType())
                .as("the inferred type of RecordNumber")
                .isEqualTo(DataTypes.LongType);
        StructuredScript.from(s -> FileSourcesStructured.jsonFiles(s, inferred, dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.jsonFiles with inferredSchema(folder)")
                .then("zipcode1.json, there before the start", () -> {})
                .run(rows -> rows.select("RecordNumber"))
                .assertBatches(recordNumbers(1, 20));
    }

    @Test
    void an_inferred_schema_changes_with_the_data_one_bad_value_makes_record_number_a_string() {
        put(zipcodes(4), dir, 1_000);
        StructType inferred = FileSourcesStructured.inferredSchema(spark(), dir.toString());
        assertThat(inferred.apply("RecordNumber").dataType())
                .as("the inferred type of RecordNumber, with \"one thousand and two\" in zipcode4.json")
                .isEqualTo(DataTypes.StringType);
        assertThat(inferred.fieldNames())
                .as("inferredSchema(folder of zipcode4.json) also has the corrupt column")
                .contains(CORRUPT);
    }

    // ---- withCorruptRecords, dropMalformed, countingBadLines: the malformed lines of zipcode4.json ----

    private static String lineOfZipcode4(String holding) {
        try {
            return Files.readAllLines(zipcodes(4)).stream()
                    .filter(l -> l.contains(holding))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void permissive_keeps_a_row_for_every_line_with_the_text_of_each_bad_line() {
        List<List<Object>> expected = new ArrayList<>();
        for (int n = 61; n <= 80; n++) {
            expected.add(row(n, null));
        }
        expected.add(row(null, "{\"RecordNumber\":1000,\"Zipcode\":\"704\",\"ZipCodeType\":\"STAND"));
        expected.add(row(null, "this line is not JSON"));
        expected.add(row(null, lineOfZipcode4("one thousand and two")));
        StructuredScript.from(s -> FileSourcesStructured.withCorruptRecords(
                        s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.withCorruptRecords(zipcodeSchema(), folder, 1), RecordNumber and "
                        + CORRUPT)
                .then("zipcode4.json: 20 records and 3 bad lines", () -> put(zipcodes(4), dir, 1_000))
                .run(rows -> rows.select("RecordNumber", CORRUPT))
                .assertBatches(expected)
                .assertColumns("RecordNumber", CORRUPT);
    }

    @Test
    void permissive_keeps_what_it_could_read_of_a_line_with_a_value_of_the_wrong_type() {
        StructuredScript.from(s -> FileSourcesStructured.withCorruptRecords(
                        s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.withCorruptRecords(zipcodeSchema(), folder, 1), the bad lines")
                .then("zipcode4.json", () -> put(zipcodes(4), dir, 1_000))
                .run(rows -> rows.where(rows.col(CORRUPT).isNotNull()).select("RecordNumber", "City", "State"))
                .assertBatches(rows(
                        row(null, null, null), // cut short: nothing could be read
                        row(null, null, null), // not JSON at all
                        row(null, "URB EUGENE RICE", "PR"))); // only RecordNumber is not an integer
    }

    @Test
    void drop_malformed_keeps_only_the_records_that_fit_the_schema() {
        List<List<Object>> step2 = new ArrayList<>(recordNumbers(61, 80));
        step2.addAll(recordNumbers(21, 40));
        StreamResult run = StructuredScript.from(s -> FileSourcesStructured.dropMalformed(
                        s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.dropMalformed(zipcodeSchema(), folder, 1), RecordNumber")
                .then("zipcode1.json", () -> put(zipcodes(1), dir, 1_000))
                .then("zipcode4.json (20 records and 3 bad lines), then zipcode2.json", () -> {
                    put(zipcodes(4), dir, 2_000);
                    put(zipcodes(2), dir, 3_000);
                })
                .run(rows -> rows.select("RecordNumber"));
        run.assertBatches(recordNumbers(1, 20), step2).assertColumns("RecordNumber");
        run.microBatches().assertBatches(recordNumbers(1, 20), recordNumbers(61, 80), recordNumbers(21, 40));
    }

    @Test
    void counting_bad_lines_reports_the_lines_and_the_bad_lines_of_every_micro_batch() {
        StructuredScript.from(s -> FileSourcesStructured.withCorruptRecords(
                        s, FileSourcesStructured.zipcodeSchema(), dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.countingBadLines(withCorruptRecords(zipcodeSchema(), folder, 1))")
                .metric(FileSourcesStructured.LINES_METRIC)
                .then("zipcode1.json", () -> put(zipcodes(1), dir, 1_000))
                .then("zipcode4.json: 20 records and 3 bad lines", () -> put(zipcodes(4), dir, 2_000))
                .run(rows -> FileSourcesStructured.countingBadLines(rows).select("RecordNumber"))
                .observed()
                .assertBatches(rows(row(20, 0)), rows(row(23, 3)))
                .assertColumns("lines", "bad");
    }

    // ---- logLines: a glob path, and the text format ----

    @Test
    void log_lines_reads_the_log_files_of_every_day_folder_and_nothing_else() {
        StructuredScript.from(s -> FileSourcesStructured.logLines(s, dir.toString()))
                .title("Lab 07 FileSourcesStructured.logLines(folder)")
                .then("day-1/a.log, day-1/notes.txt, and c.log in the folder itself", () -> {
                    TestFiles.writeIn(dir, "day-1", "a.log", "a1\na2\n", 1_000);
                    TestFiles.writeIn(dir, "day-1", "notes.txt", "not a log\n", 1_000);
                    write(dir.resolve("c.log"), "c1\n", 1_000);
                })
                .then("day-2/b.log (a folder made while the query runs), day-2/old/d.log (one level deeper)", () -> {
                    TestFiles.writeIn(dir, "day-2", "b.log", "b1\n", 2_000);
                    TestFiles.writeIn(dir, "day-2/old", "d.log", "d1\n", 2_000);
                })
                .then("day-1/e.log, beside a.log", () -> TestFiles.writeIn(dir, "day-1", "e.log", "e1\ne1\n", 3_000))
                .run(rows -> rows)
                .assertBatches(rows(row("a1"), row("a2")), rows(row("b1")), rows(row("e1"), row("e1")))
                .assertColumns("value");
    }

    // ---- highDanger: the IoT events of seed 004 ----

    @Test
    void high_danger_keeps_the_events_whose_level_is_exactly_high() {
        String mixed = String.join(
                "\n",
                "{\"deviceId\": \"dev-04\", \"temperature\": 99.1, \"danger_level\": \"High\", \"timestamp\": \"2023-10-27T10:00:15Z\"}",
                "{\"deviceId\": \"dev-05\", \"temperature\": 97.0, \"danger_level\": \"high\", \"timestamp\": \"2023-10-27T10:00:20Z\"}",
                "{\"deviceId\": \"dev-06\", \"temperature\": 93.3, \"timestamp\": \"2023-10-27T10:00:25Z\"}",
                "{\"deviceId\": \"dev-07\", \"temperature\": 120.5, \"danger_level\": \"HIGH\", \"timestamp\": \"2023-10-27T10:00:30Z\"}",
                "{\"deviceId\": \"dev-08\", \"temperature\": 62.0, \"danger_level\": \"MEDIUM\", \"timestamp\": \"2023-10-27T10:00:35Z\"}");
        // the seed's three files, written one after the other, then one of mixed levels
        StructuredScript.from(s -> FileSourcesStructured.jsonFiles(s, IotEvent.SCHEMA, dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.highDanger(jsonFiles(IotEvent.SCHEMA, folder, 1))")
                .then(
                        "event1.json: dev-01 HIGH",
                        () -> write(
                                dir.resolve("event1.json"),
                                "{\"deviceId\": \"dev-01\", \"temperature\": 95.5, \"danger_level\": \"HIGH\", \"timestamp\": \"2023-10-27T10:00:00Z\"}\n",
                                1_000))
                .then(
                        "event2.json: dev-02 LOW",
                        () -> write(
                                dir.resolve("event2.json"),
                                "{\"deviceId\": \"dev-02\", \"temperature\": 30.1, \"danger_level\": \"LOW\", \"timestamp\": \"2023-10-27T10:00:05Z\"}\n",
                                2_000))
                .then(
                        "event3.json: dev-03 HIGH",
                        () -> write(
                                dir.resolve("event3.json"),
                                "{\"deviceId\": \"dev-03\", \"temperature\": 102.0, \"danger_level\": \"HIGH\", \"timestamp\": \"2023-10-27T10:00:10Z\"}\n",
                                3_000))
                .then(
                        "mixed.json: High, high, no level, HIGH, MEDIUM",
                        () -> write(dir.resolve("mixed.json"), mixed + "\n", 4_000))
                .run(FileSourcesStructured::highDanger)
                .assertBatches(
                        rows(event("dev-01", 95.5, "HIGH", "2023-10-27T10:00:00Z")),
                        none(),
                        rows(event("dev-03", 102.0, "HIGH", "2023-10-27T10:00:10Z")),
                        rows(event("dev-07", 120.5, "HIGH", "2023-10-27T10:00:30Z")))
                .assertColumns("deviceId", "temperature", "danger_level", "timestamp");
    }

    private static final List<List<Object>> HIGH_01 = rows(
            event("dev-01", 107.8, "HIGH", "2023-10-27T10:00:05Z"),
            event("dev-04", 94.7, "HIGH", "2023-10-27T10:00:30Z"),
            event("dev-04", 91.9, "HIGH", "2023-10-27T10:00:35Z"));
    private static final List<List<Object>> HIGH_02 = rows(
            event("dev-06", 103.0, "HIGH", "2023-10-27T10:01:00Z"),
            event("dev-06", 109.8, "HIGH", "2023-10-27T10:01:10Z"),
            event("dev-05", 108.7, "HIGH", "2023-10-27T10:01:20Z"));
    private static final List<List<Object>> HIGH_03 = rows(
            event("dev-06", 95.7, "HIGH", "2023-10-27T10:02:05Z"),
            event("dev-06", 103.6, "HIGH", "2023-10-27T10:02:25Z"));

    private static List<List<Object>> plus(List<List<Object>> a, List<List<Object>> b) {
        List<List<Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void high_danger_of_the_iot_files_one_file_per_micro_batch() {
        StreamResult run = StructuredScript.from(
                        s -> FileSourcesStructured.jsonFiles(s, IotEvent.SCHEMA, dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.highDanger(jsonFiles(IotEvent.SCHEMA, folder, 1))")
                .then("events-01.json", () -> put(iot(1), dir, 1_000))
                .then("events-02.json and events-03.json", () -> {
                    put(iot(2), dir, 2_000);
                    put(iot(3), dir, 3_000);
                })
                .run(FileSourcesStructured::highDanger);
        run.assertBatches(HIGH_01, plus(HIGH_02, HIGH_03));
        assertThat(run.microBatches().steps())
                .as("one micro-batch per file:\n" + run.microBatches())
                .hasSize(3);
        run.microBatches().assertBatches(HIGH_01, HIGH_02, HIGH_03);
    }

    // ---- restarts: what the source's checkpoint remembers ----

    @Test
    void a_file_added_while_the_query_was_stopped_is_read_once_after_the_restart() {
        StreamResult run = StructuredScript.from(
                        s -> FileSourcesStructured.jsonFiles(s, IotEvent.SCHEMA, dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.highDanger(jsonFiles(IotEvent.SCHEMA, folder, 1)), AvailableNow")
                .then("events-01.json and events-02.json, then a query with AvailableNow", () -> {
                    put(iot(1), dir, 1_000);
                    put(iot(2), dir, 2_000);
                })
                .then(
                        "events-03.json, added while it was stopped; a new query on the same checkpoint",
                        () -> put(iot(3), dir, 3_000))
                .then("nothing new; a new query on the same checkpoint", () -> {})
                .restartEachStep()
                .runWriter(
                        in -> FileSourcesStructured.highDanger(in).writeStream().trigger(Trigger.AvailableNow()));
        run.assertBatches(plus(HIGH_01, HIGH_02), HIGH_03, none());
        assertThat(run.microBatches().steps())
                .as("one micro-batch per file:\n" + run.microBatches())
                .hasSize(3);
        run.microBatches().assertBatches(HIGH_01, HIGH_02, HIGH_03);
    }

    @Test
    void a_file_written_again_under_a_name_already_read_is_not_read_again() {
        StructuredScript.from(s -> FileSourcesStructured.jsonFiles(s, IotEvent.SCHEMA, dir.toString(), 1))
                .title("Lab 07 FileSourcesStructured.highDanger(jsonFiles(IotEvent.SCHEMA, folder, 1))")
                .then("events-01.json", () -> put(iot(1), dir, 1_000))
                .then(
                        "events-01.json written again: one HIGH event of dev-09, a newer time",
                        () -> write(
                                dir.resolve("events-01.json"),
                                "{\"deviceId\":\"dev-09\",\"temperature\":99.9,"
                                        + "\"danger_level\":\"HIGH\",\"timestamp\":\"2023-10-27T11:00:00Z\"}\n",
                                5_000))
                .then("events-02.json", () -> put(iot(2), dir, 6_000))
                .run(FileSourcesStructured::highDanger)
                .assertBatches(HIGH_01, none(), HIGH_02);
    }

    // ---- parquetSink: the file sink and its log, _spark_metadata ----

    private static List<List<Object>> readBack(Path output) {
        Dataset<Row> written = spark().read().parquet(output.toString());
        assertThat(written.isStreaming()).isFalse();
        return written.collectAsList().stream().map(Rows::asRow).toList();
    }

    /** Runs highDanger(jsonFiles(...)) into parquetSink with AvailableNow until it stops; returns its progress. */
    private StreamingQueryProgress[] toParquet(Path in, Path out, Path checkpoint, FilterFunction<Row> more)
            throws Exception {
        Dataset<Row> high = FileSourcesStructured.highDanger(
                        FileSourcesStructured.jsonFiles(spark(), IotEvent.SCHEMA, in.toString(), 1))
                .filter(more);
        StreamingQuery query = FileSourcesStructured.parquetSink(high, out.toString(), checkpoint.toString())
                .trigger(Trigger.AvailableNow())
                .start();
        query.awaitTermination();
        return query.recentProgress();
    }

    private static final FilterFunction<Row> EVERY_ROW = row -> true;

    @Test
    void the_parquet_sink_writes_each_high_event_once_across_restarts() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        put(iot(1), in, 1_000);
        put(iot(2), in, 2_000);
        toParquet(in, out, checkpoint, EVERY_ROW);
        assertThat(out.resolve("_spark_metadata"))
                .as("the file sink's log of the files it committed")
                .isDirectory();
        assertThat(checkpoint.resolve("offsets/1"))
                .as("the query's checkpoint: what micro-batch 1 reads")
                .isRegularFile();
        assertThat(checkpoint.resolve("commits/1"))
                .as("the query's checkpoint: micro-batch 1 is done")
                .isRegularFile();
        assertThat(readBack(out))
                .as("a static read of the output after the first run")
                .containsExactlyInAnyOrderElementsOf(plus(HIGH_01, HIGH_02));

        put(iot(3), in, 3_000); // while no query runs
        StreamingQueryProgress[] second = toParquet(in, out, checkpoint, EVERY_ROW);
        assertThat(second)
                .as("the second run's micro-batches: events-03.json only")
                .extracting(StreamingQueryProgress::batchId)
                .containsExactly(2L);
        assertThat(readBack(out))
                .as("a static read of the output after the second run")
                .containsExactlyInAnyOrderElementsOf(plus(plus(HIGH_01, HIGH_02), HIGH_03));

        toParquet(in, out, checkpoint, EVERY_ROW); // nothing new
        assertThat(readBack(out))
                .as("a static read of the output after a third run with nothing new")
                .containsExactlyInAnyOrderElementsOf(plus(plus(HIGH_01, HIGH_02), HIGH_03));
    }

    /** Set by a test: the next micro-batch fails (in a task, or after the sink, as the test says). */
    private static final AtomicBoolean FAIL = new AtomicBoolean();
    /** What a foreachBatch sink appended to a plain list, batch id first. */
    private static final List<String> APPENDED = new CopyOnWriteArrayList<>();

    @AfterEach
    void disarm() {
        FAIL.set(false);
        APPENDED.clear();
    }

    @Test
    void a_micro_batch_that_failed_before_its_commit_is_run_again_so_a_foreach_batch_list_gets_its_rows_twice()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path checkpoint = dir.resolve("checkpoint");
        put(iot(1), in, 1_000);
        put(iot(2), in, 2_000);
        VoidFunction2<Dataset<Row>, Long> appendToList = (batch, id) -> {
            for (Row r : batch.collectAsList()) {
                APPENDED.add(id + " " + r.getAs("deviceId") + " " + r.getAs("temperature"));
            }
            if (id == 1 && FAIL.getAndSet(false)) {
                throw new IllegalStateException("the program stops after the sink, before the commit");
            }
        };
        FAIL.set(true);
        StreamingQuery first = FileSourcesStructured.highDanger(
                        FileSourcesStructured.jsonFiles(spark(), IotEvent.SCHEMA, in.toString(), 1))
                .writeStream()
                .foreachBatch(appendToList)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.AvailableNow())
                .start();
        assertThatThrownBy(first::awaitTermination).as("the first run").hasStackTraceContaining("before the commit");
        // offsets/N is written before micro-batch N runs, commits/N after it: 1 was planned, never finished
        assertThat(checkpoint.resolve("offsets/1"))
                .as("offsets/1 after the failure")
                .isRegularFile();
        assertThat(checkpoint.resolve("commits/1"))
                .as("commits/1 after the failure")
                .doesNotExist();

        StreamingQuery again = FileSourcesStructured.highDanger(
                        FileSourcesStructured.jsonFiles(spark(), IotEvent.SCHEMA, in.toString(), 1))
                .writeStream()
                .foreachBatch(appendToList)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.AvailableNow())
                .start();
        again.awaitTermination();
        assertThat(APPENDED)
                .as("what the list got, over both runs")
                .containsExactlyInAnyOrder(
                        "0 dev-01 107.8",
                        "0 dev-04 94.7",
                        "0 dev-04 91.9",
                        "1 dev-06 103.0",
                        "1 dev-06 109.8",
                        "1 dev-05 108.7", // before the failure
                        "1 dev-06 103.0",
                        "1 dev-06 109.8",
                        "1 dev-05 108.7"); // micro-batch 1 again, same file
    }

    /** Fails the task that meets dev-05's event while {@link #FAIL} is set: a crash in the middle of a write. */
    private static final FilterFunction<Row> FAIL_AT_DEV_05 = row -> {
        if (FAIL.get() && "dev-05".equals(row.getAs("deviceId"))) {
            throw new IllegalStateException("a task fails while micro-batch 1 is being written");
        }
        return true;
    };

    @Test
    void the_parquet_sink_shows_nothing_of_a_micro_batch_that_failed_and_writes_it_once_when_it_runs_again()
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        put(iot(1), in, 1_000);
        put(iot(2), in, 2_000);
        FAIL.set(true);
        assertThatThrownBy(() -> toParquet(in, out, checkpoint, FAIL_AT_DEV_05))
                .as("the first run")
                .hasStackTraceContaining("while micro-batch 1 is being written");
        assertThat(checkpoint.resolve("offsets/1"))
                .as("offsets/1 after the failure")
                .isRegularFile();
        assertThat(checkpoint.resolve("commits/1"))
                .as("commits/1 after the failure")
                .doesNotExist();
        assertThat(readBack(out))
                .as("a static read of the output after the failure: micro-batch 0 only")
                .containsExactlyInAnyOrderElementsOf(HIGH_01);

        FAIL.set(false);
        toParquet(in, out, checkpoint, FAIL_AT_DEV_05);
        assertThat(readBack(out))
                .as("a static read of the output after the restart")
                .containsExactlyInAnyOrderElementsOf(plus(HIGH_01, HIGH_02));
    }

    @Test
    void the_parquet_sink_skips_a_micro_batch_it_wrote_whose_commit_was_lost() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        put(iot(1), in, 1_000);
        put(iot(2), in, 2_000);
        toParquet(in, out, checkpoint, EVERY_ROW);
        List<String> files = TestFiles.parquetFiles(out);
        // the state a crash right after the sink, before the commit, leaves behind
        TestFiles.deleteFromCheckpoint(checkpoint.resolve("commits/1"));

        StreamingQueryProgress[] again = toParquet(in, out, checkpoint, EVERY_ROW);
        assertThat(again)
                .as("the restarted query's micro-batches")
                .extracting(StreamingQueryProgress::batchId)
                .containsExactly(1L);
        assertThat(checkpoint.resolve("commits/1"))
                .as("commits/1 after the restart")
                .isRegularFile();
        assertThat(TestFiles.parquetFiles(out))
                .as("the Parquet files after the restart: no new one")
                .isEqualTo(files);
        assertThat(readBack(out))
                .as("a static read of the output after the restart")
                .containsExactlyInAnyOrderElementsOf(plus(HIGH_01, HIGH_02));
    }

    // ---- the program's data, read in place ----

    @Test
    void the_iot_dataset_holds_17_high_events_in_6_files() {
        StreamResult run = StructuredScript.from(s -> FileSourcesStructured.jsonFiles(
                        s, IotEvent.SCHEMA, TestFiles.datasets().resolve("iot").toString(), 1))
                .title("Lab 07 FileSourcesStructured.highDanger(jsonFiles(IotEvent.SCHEMA, datasets/iot, 1)),"
                        + " deviceId and temperature, AvailableNow")
                .then("the six files of datasets/iot", () -> {})
                .restartEachStep()
                .runWriter(in -> FileSourcesStructured.highDanger(in)
                        .select("deviceId", "temperature")
                        .writeStream()
                        .trigger(Trigger.AvailableNow()));
        run.assertBatches(rows(
                row("dev-01", 107.8),
                row("dev-04", 94.7),
                row("dev-04", 91.9),
                row("dev-06", 103.0),
                row("dev-06", 109.8),
                row("dev-05", 108.7),
                row("dev-06", 95.7),
                row("dev-06", 103.6),
                row("dev-05", 97.6),
                row("dev-01", 99.5),
                row("dev-05", 101.3),
                row("dev-06", 104.3),
                row("dev-01", 102.4),
                row("dev-04", 105.7),
                row("dev-03", 103.2),
                row("dev-04", 90.3),
                row("dev-03", 99.0)));
        assertThat(run.microBatches().steps())
                .as("one micro-batch per file:\n" + run.microBatches())
                .hasSize(6);
    }

    @Test
    void the_zipcode_dataset_has_3_bad_lines_all_in_one_of_its_6_files() {
        StreamResult run = StructuredScript.from(s -> FileSourcesStructured.withCorruptRecords(
                        s,
                        FileSourcesStructured.zipcodeSchema(),
                        TestFiles.datasets().resolve("zipcodes").toString(),
                        1))
                .title("Lab 07 FileSourcesStructured.countingBadLines(withCorruptRecords(zipcodeSchema(),"
                        + " datasets/zipcodes, 1)), AvailableNow")
                .metric(FileSourcesStructured.LINES_METRIC)
                .then("the six files of datasets/zipcodes", () -> {})
                .restartEachStep()
                .runWriter(in -> FileSourcesStructured.countingBadLines(in)
                        .select("RecordNumber")
                        .writeStream()
                        .trigger(Trigger.AvailableNow()));
        run.observed().assertBatches(rows(row(20, 0), row(20, 0), row(20, 0), row(23, 3), row(20, 0), row(20, 0)));
        assertThat(run.batch(1)).as("rows read").hasSize(123);
    }

    // ---- withoutCopies and withoutAnyCopy: each event once ----

    /** The event of "dev-01 HIGH" at {@code time} (10:mm:ss on 2023-10-27, UTC). */
    private static StructuredScript.Event iot(String time, String deviceAndLevel) {
        return StructuredScript.event(Instant.parse("2023-10-27T" + time + "Z"), deviceAndLevel);
    }

    /** The script's lines "device level" with their time as the IoT events' columns. */
    private static Dataset<Row> events(Dataset<Row> in) {
        return in.select(
                split(col("value"), " ").getItem(0).as("deviceId"),
                lit(100.0).as("temperature"),
                split(col("value"), " ").getItem(1).as("danger_level"),
                col("timestamp"));
    }

    /** An exercise's events as "device level hh:mm:ss". */
    private static Dataset<Row> shown(Dataset<Row> events) {
        return events.select(
                concat_ws(" ", col("deviceId"), col("danger_level"), date_format(col("timestamp"), "HH:mm:ss"))
                        .as("event"));
    }

    private static Object stateRows(StreamingQuery query) {
        return query.lastProgress().stateOperators()[0].numRowsTotal();
    }

    @Test
    void without_copies_keeps_the_first_of_each_event_in_its_micro_batch_and_in_later_ones() {
        StructuredScript.events(
                        List.of(
                                iot("10:00:05", "dev-01 HIGH"),
                                iot("10:00:05", "dev-01 HIGH"),
                                iot("10:00:05", "dev-02 LOW"),
                                iot("10:00:10", "dev-01 HIGH")),
                        List.of(
                                iot("10:00:05", "dev-02 LOW"),
                                iot("10:00:15", "dev-03 HIGH"),
                                iot("10:00:15", "dev-03 HIGH")),
                        List.of(
                                iot("10:00:10", "dev-01 HIGH"),
                                iot("10:00:05", "dev-01 HIGH"),
                                iot("10:00:10", "dev-02 LOW")))
                .title("Lab 07 FileSourcesStructured.withoutCopies(events), append mode; a copy has the same deviceId"
                        + " and timestamp (UTC)")
                .run(in -> shown(FileSourcesStructured.withoutCopies(events(in))))
                .assertBatches(
                        rows(row("dev-01 HIGH 10:00:05"), row("dev-02 LOW 10:00:05"), row("dev-01 HIGH 10:00:10")),
                        rows(row("dev-03 HIGH 10:00:15")),
                        rows(row("dev-02 LOW 10:00:10")));
    }

    @Test
    void without_copies_forgets_the_events_the_watermark_has_passed_with_the_delay() {
        StructuredScript.events(
                        List.of(iot("10:00:00", "dev-01 HIGH"), iot("10:00:00", "dev-02 LOW")),
                        List.of(iot("10:03:00", "dev-03 HIGH")),
                        List.of(iot("10:00:00", "dev-01 HIGH"), iot("10:00:00", "dev-04 LOW")))
                .title("Lab 07 FileSourcesStructured.withoutCopies(events), COPY_DELAY "
                        + FileSourcesStructured.COPY_DELAY
                        + ": after 10:03:00 the watermark is 10:02:00, past 10:00:00 + the delay, so the state forgets"
                        + " the events of 10:00:00, and a row of 10:00:00 is too late")
                .probe(
                        "rows in the state (lastProgress().stateOperators()[0].numRowsTotal())",
                        Lab07StructuredTest::stateRows)
                .run(in -> shown(FileSourcesStructured.withoutCopies(events(in))))
                .assertBatches(
                        rows(row("dev-01 HIGH 10:00:00"), row("dev-02 LOW 10:00:00")),
                        rows(row("dev-03 HIGH 10:03:00")),
                        none())
                .observed()
                .assertBatches(rows(row(2)), rows(row(1)), rows(row(1)));
    }

    @Test
    void without_any_copy_remembers_every_event_and_no_event_is_too_late() {
        StructuredScript.events(
                        List.of(
                                iot("10:00:00", "dev-01 HIGH"),
                                iot("10:00:00", "dev-01 HIGH"),
                                iot("10:00:00", "dev-02 LOW")),
                        List.of(iot("10:03:00", "dev-03 HIGH")),
                        List.of(iot("10:00:00", "dev-01 HIGH"), iot("10:00:00", "dev-04 LOW")))
                .title("Lab 07 FileSourcesStructured.withoutAnyCopy(events), no watermark: the copy of dev-01 10:00:00"
                        + " is known however late it comes, and dev-04 10:00:00, new, is kept")
                .probe(
                        "rows in the state (lastProgress().stateOperators()[0].numRowsTotal())",
                        Lab07StructuredTest::stateRows)
                .run(in -> shown(FileSourcesStructured.withoutAnyCopy(events(in))))
                .assertBatches(
                        rows(row("dev-01 HIGH 10:00:00"), row("dev-02 LOW 10:00:00")),
                        rows(row("dev-03 HIGH 10:03:00")),
                        rows(row("dev-04 LOW 10:00:00")))
                .observed()
                .assertBatches(rows(row(2)), rows(row(3)), rows(row(4)));
    }
}
