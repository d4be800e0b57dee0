package streamlab.lab12;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.DStreamScript;
import streamlab.harness.GradingExtension;
import streamlab.harness.Repository;
import streamlab.harness.Rows;
import streamlab.harness.StreamResult;
import streamlab.harness.TestSpark;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.SharedBroker;
import streamlab.kafka.Topics;

/**
 * The lab program, killed with SIGKILL in the middle of a stream and started again on its checkpoint.
 * Each test feeds the input step by step, waits for the program's "batch ... done" line, kills it, starts
 * it again, feeds the rest, and compares what came out with a run that was never killed. To make the
 * worst moment of a crash happen every time, the test also deletes the checkpoint's last commit after
 * the kill: the checkpoint is then what a kill a moment earlier leaves, after the sink wrote the
 * micro-batch but before Spark wrote {@code commits/N}, and the restarted query runs that batch again.
 *
 * <p>Given code, not graded (it runs the program with your exercises, in child JVMs; about two minutes). Run it with {@code ./mvnw -q test -pl solutions/lab12-checkpoints-and-recovery -am
 * -DskipTests=false -Dtest=KillAndRestartTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith({GradingExtension.class, SharedBroker.class}) // an untouched lab: skipped before a broker starts
class KillAndRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IOT = Repository.datasets().resolve("iot").toString();
    private static final StructType OUTPUT =
            StructType.fromDDL("start TIMESTAMP, `end` TIMESTAMP, danger_level STRING, events BIGINT");

    @TempDir
    Path dir;

    private final List<ChildProgram> children = new ArrayList<>();

    @AfterEach
    void kill_every_child() {
        children.forEach(ChildProgram::close);
    }

    private ChildProgram start(String name, String... args) {
        ChildProgram child = ChildProgram.start(name, dir, args);
        children.add(child);
        return child;
    }

    // ---- Structured: files -> events per window -> JSON files (exactly once) ----

    @Test
    void files_a_killed_query_goes_on_from_its_checkpoint_and_the_file_sink_writes_each_window_once() throws Exception {
        List<List<Object>> neverKilled = ChildProgram.orSkip(this::filesWithoutAKill);
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("checkpoint");
        Files.createDirectories(in);
        String[] args = args(
                "files", "--watch", in.toString(), "--output", out.toString(), "--checkpoint", checkpoint.toString());
        String[] watermarks = {"10:00:15", "10:01:05", "10:01:55", "10:02:45", "10:03:35", "10:04:25"};

        ChildProgram first = start("Lab12 --pipeline files (first run)", args);
        first.awaitLine("== running");
        for (int k = 1; k <= 2; k++) {
            IotData.put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
            first.awaitLine(
                    "watermark 2023-10-27T" + watermarks[k - 1]); // the micro-batch the watermark closes windows in
        }
        first.kill();
        long rerun = IotData.lastCommit(checkpoint);
        IotData.forget(checkpoint.resolve("commits").resolve(String.valueOf(rerun)));

        ChildProgram second = start("Lab12 --pipeline files (after the kill)", args);
        second.awaitLine("micro-batch " + rerun + " was planned but never committed");
        second.awaitLine(
                "== batch " + rerun + " done"); // run again: the sink finds it in _spark_metadata, writes nothing
        for (int k = 3; k <= 6; k++) {
            IotData.put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
            second.awaitLine("watermark 2023-10-27T" + watermarks[k - 1]);
        }
        second.kill();

        List<List<Object>> written = new ArrayList<>();
        for (Row r :
                TestSpark.session().read().schema(OUTPUT).json(out.toString()).collectAsList()) {
            written.add(Rows.asRow(r));
        }
        Expect.rows(
                "Lab12 --pipeline files, killed after events-02.json (and micro-batch " + rerun + " run again):"
                        + " the rows of its JSON sink, against a run that was never killed",
                List.of("events-01.json, events-02.json, kill -9, delete commits/" + rerun + ", start again,"
                        + " events-03.json to events-06.json"),
                neverKilled,
                written);
    }

    /** The same exercises in this JVM, the six files one by one, no kill. */
    private List<List<Object>> filesWithoutAKill() {
        Path in = dir.resolve("reference-in");
        Path out = dir.resolve("reference-out");
        SparkSession spark = TestSpark.session();
        IotData.put(in, ".start", "");
        StreamingQuery query = null;
        try {
            query = RecoveryStructured.toFiles(
                            RecoveryStructured.eventsPerWindow(spark.readStream()
                                    .schema(IotEvent.SCHEMA)
                                    .option("maxFilesPerTrigger", 1)
                                    .json(in.toString())),
                            out.toString(),
                            dir.resolve("reference-checkpoint").toString())
                    .start();
            for (int k = 1; k <= 6; k++) {
                IotData.put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
                TestSpark.processAll(query);
            }
            query.stop();
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : spark.read().schema(OUTPUT).json(out.toString()).collectAsList()) {
            rows.add(Rows.asRow(r));
        }
        return rows;
    }

    // ---- Structured: Kafka -> alerts -> Kafka (at least once) ----

    @Test
    void kafka_a_killed_query_goes_on_from_its_checkpoint_and_the_batch_it_runs_again_is_sent_twice(KafkaBroker broker)
            throws Exception {
        Topics topics = new Topics(broker);
        String input = "lab12-kill-events-" + UUID.randomUUID();
        String output = "lab12-kill-alerts-" + UUID.randomUUID();
        topics.create(input, 2);
        topics.create(output, 2);
        Path checkpoint = dir.resolve("checkpoint");
        String[] args = args(
                "kafka",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--input-topic",
                input,
                "--output-topic",
                output,
                "--checkpoint",
                checkpoint.toString());

        ChildProgram first = start("Lab12 --pipeline kafka (first run)", args);
        first.awaitLine("== running");
        for (int k = 1; k <= 2; k++) {
            topics.send(records(input, IotData.dataset(k)));
            int sent = 10 * k;
            first.awaitLine(
                    "a line \"batch N done\" that has read " + sent + " records",
                    line -> line.contains(" done: ") && recordsReadUpTo(line) == sent);
        }
        first.kill();
        long rerun = IotData.lastCommit(checkpoint);
        IotData.forget(checkpoint.resolve("commits").resolve(String.valueOf(rerun)));
        Map<Integer, long[]> rerunOffsets = offsetsOf(checkpoint, rerun);

        ChildProgram second = start("Lab12 --pipeline kafka (after the kill)", args);
        second.awaitLine("micro-batch " + rerun + " was planned but never committed");
        for (int k = 3; k <= 6; k++) {
            topics.send(records(input, IotData.dataset(k)));
        }
        second.awaitLine(
                "a line \"batch N done\" that has read all 60 records",
                line -> line.contains(" done: ") && recordsReadUpTo(line) == 60);
        second.kill();

        // a run that was never killed: the same exercise on the whole input topic, as a batch
        Map<List<String>, Integer> expected =
                count(ChildProgram.orSkip(() -> RecoveryStructured.alerts(TestSpark.session()
                                        .read()
                                        .format("kafka")
                                        .option("kafka.bootstrap.servers", broker.bootstrapServers())
                                        .option("subscribe", input)
                                        .option("startingOffsets", "earliest")
                                        .load())
                                .collectAsList())
                        .stream()
                        .map(r -> List.of(r.getString(0), r.getString(1)))
                        .toList());
        Map<List<String>, Integer> actual = count(topics.readAll(output).stream()
                .map(r -> List.of(String.valueOf(r.key()), r.value()))
                .toList());
        Map<List<String>, Integer> twice =
                new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        actual.forEach((alert, n) -> {
            if (n > 1) {
                twice.put(alert, n);
            }
        });
        String shown = "alerts written more than once (micro-batch " + rerun + ", offsets " + describe(rerunOffsets)
                + ", ran again after the kill):\n"
                + twice.entrySet().stream()
                        .map(e -> "   x" + e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining("\n"));
        System.out.println(shown);
        assertThat(actual.keySet())
                .as("the alerts after kill -9 and a restart, without repeats, against a run that"
                        + " was never killed: nothing lost, nothing made up")
                .isEqualTo(expected.keySet());
        for (Map.Entry<List<String>, Integer> alert : actual.entrySet()) {
            boolean inRerun = inBatch(alert.getKey().get(1), rerunOffsets);
            assertThat(alert.getValue())
                    .as(
                            "how often %s was written (%s)\n%s",
                            alert.getKey(),
                            inRerun ? "its record was read by the micro-batch that ran again: twice" : "once",
                            shown)
                    .isEqualTo(inRerun ? 2 : 1);
        }
    }

    private static List<ProducerRecord<String, String>> records(String topic, List<String> events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String event : events) {
            records.add(new ProducerRecord<>(
                    topic, IotEvent.parse(event).orElseThrow().deviceId(), event));
        }
        return records;
    }

    /** The number of records a "batch N done: ..., read up to {"topic":{"0":7,"1":13}}" line has read. */
    private static long recordsReadUpTo(String line) {
        int at = line.indexOf("read up to ");
        if (at < 0) {
            return -1;
        }
        try {
            long sum = 0;
            for (JsonNode partitions : JSON.readTree(line.substring(at + "read up to ".length()))) {
                for (JsonNode offset : partitions) {
                    sum += offset.asLong();
                }
            }
            return sum;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The offsets a micro-batch read, per partition: from the end of the batch before it to its own end. */
    private static Map<Integer, long[]> offsetsOf(Path checkpoint, long batch) throws IOException {
        Map<Integer, Long> end = partitionOffsets(checkpoint, batch);
        Map<Integer, Long> start = batch > 0 ? partitionOffsets(checkpoint, batch - 1) : new HashMap<>();
        Map<Integer, long[]> range = new TreeMap<>();
        end.forEach((p, e) -> range.put(p, new long[] {start.getOrDefault(p, 0L), e}));
        return range;
    }

    /** offsets/N: a version line, the batch's metadata, then the source's offsets. */
    private static Map<Integer, Long> partitionOffsets(Path checkpoint, long batch) throws IOException {
        List<String> lines = Files.readAllLines(checkpoint.resolve("offsets").resolve(String.valueOf(batch)));
        Map<Integer, Long> offsets = new HashMap<>();
        JSON.readTree(lines.get(2))
                .fields()
                .forEachRemaining(topic -> topic.getValue()
                        .fields()
                        .forEachRemaining(p -> offsets.put(
                                Integer.parseInt(p.getKey()), p.getValue().asLong())));
        return offsets;
    }

    private static boolean inBatch(String alert, Map<Integer, long[]> range) {
        try {
            String[] from = JSON.readTree(alert).get("from").asText().split("/");
            long[] r = range.get(Integer.parseInt(from[from.length - 2]));
            long offset = Long.parseLong(from[from.length - 1]);
            return r != null && offset >= r[0] && offset < r[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Map<Integer, long[]> range) {
        return range.entrySet().stream()
                .map(e -> "partition " + e.getKey() + ": " + e.getValue()[0] + " to " + (e.getValue()[1] - 1))
                .collect(Collectors.joining(", "));
    }

    private static Map<List<String>, Integer> count(List<List<String>> alerts) {
        Map<List<String>, Integer> counts = new HashMap<>();
        alerts.forEach(a -> counts.merge(a, 1, Integer::sum));
        return counts;
    }

    // ---- DStream: getOrCreate, a file stream and updateStateByKey ----

    @Test
    void dstream_a_killed_program_is_recovered_by_get_or_create_and_its_totals_go_on() throws Exception {
        StreamResult neverKilled = highTotalsNeverKilled();
        Path in = dir.resolve("in");
        Path checkpoint = dir.resolve("checkpoint");
        Files.createDirectories(in);
        String[] args = args("dstream", "--watch", in.toString(), "--checkpoint", checkpoint.toString());

        ChildProgram first = start("Lab12 --pipeline dstream (first run)", args);
        first.awaitLine("== DStream: running");
        for (int k = 1; k <= 2; k++) {
            IotData.put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
            first.awaitLine("HIGH events so far: " + totals(neverKilled.batch(k)));
        }
        first.kill();

        ChildProgram second = start("Lab12 --pipeline dstream (after the kill)", args);
        second.awaitLine("== DStream: recovered from the checkpoint");
        second.awaitLine("== DStream: running");
        String last = null;
        for (int k = 3; k <= 6; k++) {
            IotData.put(in, "events-0" + k + ".json", IotData.dataset(k), 0);
            last = second.awaitLine("HIGH events so far: " + totals(neverKilled.batch(k)));
        }
        second.kill();
        assertThat(last)
                .as("the totals after the last file, killed after two files and recovered, against a run"
                        + " that was never killed")
                .endsWith("HIGH events so far: " + totals(neverKilled.last()));
    }

    // ---- DStream on Kafka: the direct stream, its offsets in the checkpoint ----

    @Test
    void direct_a_killed_program_goes_on_from_the_offsets_in_its_checkpoint_and_its_totals_go_on(KafkaBroker broker)
            throws Exception {
        StreamResult neverKilled = highTotalsNeverKilled();
        Topics topics = new Topics(broker);
        String input = "lab12-direct-events-" + UUID.randomUUID();
        topics.create(input, 2);
        String[] args = args(
                "direct",
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--input-topic",
                input,
                "--checkpoint",
                dir.resolve("checkpoint").toString());

        ChildProgram first = start("Lab12 --pipeline direct (first run)", args);
        first.awaitLine("== DStream: running");
        for (int k = 1; k <= 2; k++) {
            topics.send(records(input, IotData.dataset(k)));
            first.awaitLine("HIGH events so far: " + totals(neverKilled.batch(k)));
        }
        first.kill();
        for (int k = 3; k <= 6; k++) { // sent while the program is down
            topics.send(records(input, IotData.dataset(k)));
        }

        ChildProgram second = start("Lab12 --pipeline direct (after the kill)", args);
        second.awaitLine("== DStream: recovered from the checkpoint");
        String offsets = second.awaitLine("== DStream: the checkpoint's offsets");
        String last = second.awaitLine("HIGH events so far: " + totals(neverKilled.last()));
        second.kill();
        assertThat(offsets.substring(offsets.indexOf('{') + 1, offsets.indexOf('}'))
                        .split(", "))
                .as(
                        "the offsets the recovered direct stream goes on from (%s): the 20 records of the first two"
                                + " files, read before the kill, over the topic's two partitions; not 0, the earliest"
                                + " offsets (nothing was committed for the group), nor the 60 records the topic holds",
                        offsets)
                .extracting(partition -> Long.parseLong(partition.substring(partition.lastIndexOf('=') + 1)))
                .hasSize(2)
                .satisfies(each -> assertThat(
                                each.stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(20));
        assertThat(last)
                .as("the totals after the last file, killed after two files (the other four sent while it was"
                        + " down) and recovered, against a run that was never killed")
                .endsWith("HIGH events so far: " + totals(neverKilled.last()));
    }

    /** A run that was never killed: highTotals on the six files, a batch each, in this JVM. */
    private static StreamResult highTotalsNeverKilled() {
        List<List<String>> files = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            files.add(IotData.dataset(k));
        }
        return ChildProgram.orSkip(() -> DStreamScript.linesFrom(files)
                .checkpointing()
                .title("RecoveryDStream.highTotals, never killed")
                .runPairs(RecoveryDStream::highTotals));
    }

    /** The program's arguments: the pipeline, fed by the test ({@code --no-feed}), 1 s batches, and more. */
    private static String[] args(String pipeline, String... more) {
        List<String> args =
                new ArrayList<>(List.of("--pipeline", pipeline, "--no-feed", "--batch", "1", "--input", IOT));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Totals as the program prints them: {@code dev-01=2 dev-04=3}, by device. */
    private static String totals(List<List<Object>> rows) {
        Map<String, Object> sorted = new TreeMap<>();
        rows.forEach(r -> sorted.put((String) r.get(0), r.get(1)));
        return sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
