package streamlab.lab07;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab07.TestFiles.dataset;
import static streamlab.lab07.TestFiles.put;
import static streamlab.lab07.TestFiles.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.support.Api;

/**
 * Batches of 1 s on Spark's manual clock: batch k runs at t = k s after the start. A file stream lists
 * its folder at every batch and reads the files whose modification time is not later than the batch's
 * time and that it has not read yet; so each step writes its files with a time just before its batch.
 * The tests that need files older than the start first set the clock to 100 s: the stream starts at
 * 100 s, and a file of 95 s was there before it.
 */
@LabTest(lab = "07", api = Api.DSTREAM)
class Lab07DStreamTest {

    @TempDir
    Path dir;

    /** The context's clock reads {@code ms} when the stream is made: what "the start" means to it. */
    private static void startAt(JavaStreamingContext ssc, long ms) {
        ((ManualClock) ssc.ssc().scheduler().clock()).setTime(ms);
    }

    private static String json(String device, String temperature, String level, String time) {
        return "{\"deviceId\":\"" + device + "\",\"temperature\":" + temperature + ",\"danger_level\":\"" + level
                + "\",\"timestamp\":\"" + time + "\"}";
    }

    // ---- newFiles and existingAndNewFiles: which files a batch reads ----

    @Test
    void new_files_gives_each_new_file_to_the_first_batch_at_or_after_its_time() {
        DStreamScript.<String>from(ssc -> FileSourcesDStream.newFiles(ssc, dir.toString()))
                .title("Lab 07 FileSourcesDStream.newFiles(folder)")
                .then("a.txt, written 0.5 s before this batch", t -> write(dir.resolve("a.txt"), "a1\na2\n", t - 500))
                .then("nothing new (a.txt is still there)", t -> {})
                .then("b.txt and c.txt", t -> {
                    write(dir.resolve("b.txt"), "b1\n", t - 700);
                    write(dir.resolve("c.txt"), "c1\nc2\n", t - 200);
                })
                .then("d.txt, with a time 0.5 s after this batch", t -> write(dir.resolve("d.txt"), "d1\n", t + 500))
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(
                        rows(row("a1"), row("a2")),
                        none(),
                        rows(row("b1"), row("c1"), row("c2")),
                        none(),
                        rows(row("d1")));
    }

    @Test
    void new_files_ignores_the_files_that_were_there_before_the_start() {
        DStreamScript.<String>from(ssc -> {
                    startAt(ssc, 100_000);
                    write(dir.resolve("before.txt"), "before\n", 95_000);
                    return FileSourcesDStream.newFiles(ssc, dir.toString());
                })
                .title("Lab 07 FileSourcesDStream.newFiles(folder), started at 100 s; before.txt has the time 95 s")
                .then("new.txt", t -> write(dir.resolve("new.txt"), "new\n", t - 500))
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("new")), none());
    }

    @Test
    void log_lines_reads_the_new_log_files_of_every_day_folder_and_nothing_else() {
        DStreamScript.<String>from(ssc -> FileSourcesDStream.logLines(ssc, dir.toString()))
                .title("Lab 07 FileSourcesDStream.logLines(folder)")
                .then("day-1/a.log, day-1/notes.txt, and c.log in the folder itself", t -> {
                    TestFiles.writeIn(dir, "day-1", "a.log", "a1\na2\n", t - 500);
                    TestFiles.writeIn(dir, "day-1", "notes.txt", "not a log\n", t - 500);
                    write(dir.resolve("c.log"), "c1\n", t - 500);
                })
                .then("day-2/b.log (a folder made while the stream runs), day-2/old/d.log (one level deeper)", t -> {
                    TestFiles.writeIn(dir, "day-2", "b.log", "b1\n", t - 500);
                    TestFiles.writeIn(dir, "day-2/old", "d.log", "d1\n", t - 500);
                })
                .then("day-1/e.log, beside a.log", t -> TestFiles.writeIn(dir, "day-1", "e.log", "e1\ne1\n", t - 500))
                .run(lines -> lines)
                .assertBatches(rows(row("a1"), row("a2")), rows(row("b1")), rows(row("e1"), row("e1")));
    }

    @Test
    void log_lines_reads_only_the_log_files_that_come_after_the_start() {
        DStreamScript.<String>from(ssc -> {
                    startAt(ssc, 100_000);
                    TestFiles.writeIn(dir, "day-1", "before.log", "before\n", 95_000);
                    return FileSourcesDStream.logLines(ssc, dir.toString());
                })
                .title(
                        "Lab 07 FileSourcesDStream.logLines(folder), started at 100 s; day-1/before.log has the time 95 s")
                .then("day-1/new.log", t -> TestFiles.writeIn(dir, "day-1", "new.log", "new\n", t - 500))
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("new")), none());
    }

    @Test
    void existing_and_new_files_also_reads_the_files_that_were_there_before_the_start() {
        DStreamScript.<String>from(ssc -> {
                    startAt(ssc, 100_000);
                    write(dir.resolve("before.txt"), "before\n", 95_000);
                    return FileSourcesDStream.existingAndNewFiles(ssc, dir.toString());
                })
                .title("Lab 07 FileSourcesDStream.existingAndNewFiles(folder), started at 100 s; before.txt has the"
                        + " time 95 s")
                .then("new.txt", t -> write(dir.resolve("new.txt"), "new\n", t - 500))
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("before"), row("new")), none());
    }

    @Test
    void existing_and_new_files_goes_back_only_as_far_as_the_remember_window_of_60_s() {
        // the first batch runs at 101 s: it looks back to 101 - 60 = 41 s
        DStreamScript.<String>from(ssc -> {
                    startAt(ssc, 100_000);
                    write(dir.resolve("at-30-s.txt"), "30 s\n", 30_000);
                    write(dir.resolve("at-50-s.txt"), "50 s\n", 50_000);
                    return FileSourcesDStream.existingAndNewFiles(ssc, dir.toString());
                })
                .title(
                        "Lab 07 FileSourcesDStream.existingAndNewFiles(folder), started at 100 s; files of 30 s and 50 s")
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("50 s")));
    }

    @Test
    void existing_and_new_files_skips_a_file_that_is_still_being_copied() {
        Path copying = dir.resolve("part-1.json" + FileSourcesDStream.COPYING_SUFFIX);
        DStreamScript.<String>from(ssc -> FileSourcesDStream.existingAndNewFiles(ssc, dir.toString()))
                .title("Lab 07 FileSourcesDStream.existingAndNewFiles(folder)")
                .then(
                        "part-1.json._COPYING_, half written (hdfs dfs -put is still at it)",
                        t -> TestFiles.writeInPlace(copying, "line 1\n", t - 500))
                .then("the copy ends: part-1.json, whole, and its hidden checksum .part-1.json.crc", t -> {
                    TestFiles.writeInPlace(copying, "line 1\nline 2\n", t - 500);
                    TestFiles.writeInPlace(dir.resolve(".part-1.json.crc"), "crc of part-1\n", t - 500);
                    try {
                        Files.move(copying, dir.resolve("part-1.json"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(none(), rows(row("line 1"), row("line 2")), none());
    }

    @Test
    void existing_and_new_files_skips_hidden_files() {
        // rsync writes a file under a hidden temporary name and renames it when it is whole; an editor or a
        // tool leaves hidden files of its own: none of them is data
        DStreamScript.<String>from(ssc -> FileSourcesDStream.existingAndNewFiles(ssc, dir.toString()))
                .title("Lab 07 FileSourcesDStream.existingAndNewFiles(folder)")
                .then("events-1.json, and rsync's hidden .events-2.json.Xy12Ab, half copied", t -> {
                    TestFiles.writeInPlace(dir.resolve("events-1.json"), "line 1\nline 2\n", t - 500);
                    TestFiles.writeInPlace(dir.resolve(".events-2.json.Xy12Ab"), "half of line 3\n", t - 500);
                })
                .then(
                        "a hidden .notes.txt",
                        t -> TestFiles.writeInPlace(dir.resolve(".notes.txt"), "not data\n", t - 500))
                .then("nothing new", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("line 1"), row("line 2")), none(), none());
    }

    // ---- events and highPerDevice: JSON lines without a schema ----

    @Test
    void events_reads_each_json_line_as_an_iot_event() {
        DStreamScript.lines(
                        List.of(
                                "{\"deviceId\": \"dev-01\", \"temperature\": 95.5, \"danger_level\": \"HIGH\","
                                        + " \"timestamp\": \"2023-10-27T10:00:00Z\"}",
                                json("dev-02", "30.1", "LOW", "2023-10-27T10:00:05Z")),
                        List.of(
                                json("dev-03", "102.0", "HIGH", "2023-10-27T10:00:10Z")
                                        .replace("}", ",\"site\":\"north\"}"),
                                "{\"deviceId\":\"dev-04\",\"temperature\":61.5}"))
                .title("Lab 07 FileSourcesDStream.events")
                .run(FileSourcesDStream::events)
                .assertBatches(
                        rows(
                                row(new IotEvent("dev-01", 95.5, "HIGH", "2023-10-27T10:00:00Z")),
                                row(new IotEvent("dev-02", 30.1, "LOW", "2023-10-27T10:00:05Z"))),
                        rows(
                                row(new IotEvent("dev-03", 102.0, "HIGH", "2023-10-27T10:00:10Z")), // "site" ignored
                                row(new IotEvent("dev-04", 61.5, null, null)))); // what it has
    }

    @Test
    void events_drops_the_lines_that_are_not_an_event() {
        DStreamScript.lines(List.of(
                        "this line is not JSON",
                        "{\"deviceId\":\"dev-01\",\"temperature\":107.8,\"danger_",
                        json("dev-02", "\"hot\"", "HIGH", "2023-10-27T10:00:05Z"),
                        "",
                        "[1, 2, 3]",
                        "null",
                        json("dev-03", "91.0", "HIGH", "2023-10-27T10:00:10Z")))
                .title("Lab 07 FileSourcesDStream.events")
                .run(FileSourcesDStream::events)
                .assertBatches(rows(row(new IotEvent("dev-03", 91.0, "HIGH", "2023-10-27T10:00:10Z"))));
    }

    @Test
    void high_per_device_counts_the_high_events_of_each_batch_on_its_own() {
        DStreamScript.lines(
                        List.of(
                                json("dev-01", "101.0", "HIGH", "2023-10-27T10:00:00Z"),
                                json("dev-02", "95.0", "HIGH", "2023-10-27T10:00:05Z"),
                                json("dev-01", "99.0", "HIGH", "2023-10-27T10:00:10Z"),
                                json("dev-02", "20.0", "LOW", "2023-10-27T10:00:15Z"),
                                json("dev-03", "98.0", "High", "2023-10-27T10:00:20Z"),
                                json("dev-01", "97.0", "HIGH", "2023-10-27T10:00:25Z"),
                                json("dev-04", "70.0", "MEDIUM", "2023-10-27T10:00:30Z"),
                                json("dev-01", "96.0", "HIGH", "2023-10-27T10:00:35Z")),
                        List.of(
                                json("dev-03", "93.0", "HIGH", "2023-10-27T10:00:40Z"),
                                json("dev-01", "94.0", "HIGH", "2023-10-27T10:00:45Z"),
                                json("dev-03", "92.0", "HIGH", "2023-10-27T10:00:50Z")),
                        List.of(json("dev-02", "10.0", "LOW", "2023-10-27T10:00:55Z")))
                .title("Lab 07 FileSourcesDStream.highPerDevice(events(lines)), lines in 2 partitions")
                .runPairs(lines -> FileSourcesDStream.highPerDevice(FileSourcesDStream.events(lines)))
                .assertBatches(
                        rows(row("dev-01", 4), row("dev-02", 1)), rows(row("dev-01", 1), row("dev-03", 2)), none());
    }

    @Test
    void high_per_device_takes_events_with_missing_fields_in_its_stride() {
        // a line with fields missing is still an event: a missing danger level is simply not HIGH
        DStreamScript.lines(
                        List.of(
                                json("dev-01", "101.0", "HIGH", "2023-10-27T10:00:00Z"),
                                "{\"deviceId\":\"dev-02\",\"temperature\":61.5}",
                                "{\"deviceId\":\"dev-01\",\"danger_level\":\"HIGH\"}",
                                "{\"deviceId\":\"dev-02\",\"temperature\":99.0,\"danger_level\":null}",
                                json("dev-02", "98.0", "HIGH", "2023-10-27T10:00:05Z"),
                                "{\"temperature\":40.0,\"danger_level\":\"LOW\"}",
                                json("dev-01", "97.0", "HIGH", "2023-10-27T10:00:10Z"),
                                "{\"deviceId\":\"dev-03\"}"),
                        List.of(
                                "{\"deviceId\":\"dev-03\",\"temperature\":20.0}",
                                json("dev-03", "93.0", "HIGH", "2023-10-27T10:00:40Z")))
                .title("Lab 07 FileSourcesDStream.highPerDevice(events(lines)), events with missing fields, lines in"
                        + " 2 partitions")
                .runPairs(lines -> FileSourcesDStream.highPerDevice(FileSourcesDStream.events(lines)))
                .assertBatches(rows(row("dev-01", 3), row("dev-02", 1)), rows(row("dev-03", 1)));
    }

    @Test
    void high_per_device_of_the_iot_files_as_they_arrive_in_a_watched_folder() {
        DStreamScript.<String>from(ssc -> FileSourcesDStream.newFiles(ssc, dir.toString()))
                .title("Lab 07 FileSourcesDStream.highPerDevice(events(newFiles(folder)))")
                .then("events-01.json", t -> put(dataset("iot/events-01.json"), dir, t - 500))
                .then("events-02.json", t -> put(dataset("iot/events-02.json"), dir, t - 500))
                .then("nothing new", t -> {})
                .runPairs(lines -> FileSourcesDStream.highPerDevice(FileSourcesDStream.events(lines)))
                .assertBatches(
                        rows(row("dev-01", 1), row("dev-04", 2)), rows(row("dev-06", 2), row("dev-05", 1)), none());
    }

    // ---- withoutCopies: each event once, remembered for COPY_TIMEOUT ----

    /** "dev-01 HIGH 10:00:05" as the event of dev-01, level HIGH, at 2023-10-27T10:00:05Z. */
    private static IotEvent iot(String line) {
        String[] parts = line.split(" ");
        return new IotEvent(parts[0], 100.0, parts[1], "2023-10-27T" + parts[2] + "Z");
    }

    /** The exercise on the lines as events, each event given back as "device level hh:mm:ss". */
    private static JavaDStream<String> withoutCopies(JavaDStream<String> lines) {
        return FileSourcesDStream.withoutCopies(lines.map(Lab07DStreamTest::iot))
                .map(event -> event.deviceId() + " " + event.dangerLevel() + " "
                        + event.timestamp().substring(11, 19));
    }

    @Test
    void without_copies_keeps_the_first_of_each_event_in_its_batch_and_in_later_ones() {
        DStreamScript.lines(
                        List.of(
                                "dev-01 HIGH 10:00:05",
                                "dev-01 HIGH 10:00:05",
                                "dev-02 LOW 10:00:05",
                                "dev-01 HIGH 10:00:10"),
                        List.of("dev-02 LOW 10:00:05", "dev-03 HIGH 10:00:15", "dev-03 HIGH 10:00:15"),
                        List.of(),
                        List.of("dev-01 HIGH 10:00:10", "dev-01 HIGH 10:00:05", "dev-02 LOW 10:00:10"))
                .checkpointing()
                .title("Lab 07 FileSourcesDStream.withoutCopies(events); an event is \"device level time\", a copy has"
                        + " the same device and time")
                .run(Lab07DStreamTest::withoutCopies)
                .assertBatches(
                        rows(row("dev-01 HIGH 10:00:05"), row("dev-02 LOW 10:00:05"), row("dev-01 HIGH 10:00:10")),
                        rows(row("dev-03 HIGH 10:00:15")),
                        none(),
                        rows(row("dev-02 LOW 10:00:10")));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"
    }) // an array of expected batches, for assertBatches: Java has no generic arrays
    void without_copies_forgets_an_event_when_no_copy_of_it_came_for_the_timeout() {
        String event = "dev-01 HIGH 10:00:05";
        List<List<String>> batches = new ArrayList<>(List.of(List.of(event), List.of(event)));
        batches.addAll(Collections.nCopies(8, List.of()));
        batches.add(List.of(event));
        List<List<Object>>[] expected = new List[11];
        Arrays.fill(expected, none());
        expected[0] = rows(row(event));
        expected[10] = rows(row(event));
        DStreamScript.linesFrom(batches)
                .batchSeconds(20)
                .checkpointing()
                .title("Lab 07 FileSourcesDStream.withoutCopies(events), batches of 20 s, COPY_TIMEOUT "
                        + FileSourcesDStream.COPY_TIMEOUT + ": the copy of 40 s is dropped; then nothing comes, and"
                        + " Spark looks for timed-out keys in the batches it checkpoints (every 10th for mapWithState):"
                        + " at 200 s the event is forgotten, so the copy of 220 s goes on")
                .run(Lab07DStreamTest::withoutCopies)
                .assertBatches(expected);
    }
}
