package streamlab.lab13;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.ExpiredTimerInfo;
import org.apache.spark.sql.streaming.MapState;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessor;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.streaming.ValueState;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import streamlab.harness.SparkErrors;
import streamlab.harness.TestSpark;

/**
 * The state of a {@code transformWithState} query as something to look at: Spark's {@code state-metadata}
 * and {@code statestore} readers on its checkpoint, the files RocksDB leaves there with and without
 * changelog checkpointing, and the restart Spark refuses when a state variable changed its type. Given
 * code, not graded: its processor ({@link PagesPerUser}) is not the lab's exercise. Read it with the lab's
 * CONCEPTS.md, "The state store, read back"; run it with {@code ./mvnw -q test -pl labs/lab13-user-sessions
 * -am -Dtest=StateStoreTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StateStoreTest {

    private static final String PROVIDER = "spark.sql.streaming.stateStore.providerClass";
    private static final String ROCKSDB = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";
    private static final String CHANGELOG = "spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled";
    private static final StructType CLICK = new StructType()
            .add("user", DataTypes.StringType)
            .add("page", DataTypes.StringType)
            .add("time", DataTypes.TimestampType);

    /** ana clicks three times (the last at 10:00:04), bo once (10:00:02); the watermark stays before both timers. */
    private static final String[] CLICKS = {
        click("ana", "/home", "10:00:01"),
        click("ana", "/cart", "10:00:03"),
        click("ana", "/home", "10:00:04"),
        click("bo", "/home", "10:00:02")
    };

    @TempDir
    Path dir;

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
        TestSpark.session().conf().unset(PROVIDER);
        TestSpark.session().conf().unset(CHANGELOG);
    }

    private static String click(String user, String page, String time) {
        return "{\"user\":\"" + user + "\",\"page\":\"" + page + "\",\"time\":\"2024-05-14T" + time + "Z\"}";
    }

    /** Per user: the clicks so far and the clicks per page; a timer 10 s after the last click sends and clears them. */
    static final class PagesPerUser extends StatefulProcessor<String, Row, String> {
        private transient ValueState<Long> clicks;
        private transient MapState<String, Long> perPage;

        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            clicks = getHandle().getValueState("clicks", Encoders.LONG(), TTLConfig.NONE());
            perPage = getHandle().getMapState("perPage", Encoders.STRING(), Encoders.LONG(), TTLConfig.NONE());
        }

        @Override
        public Iterator<String> handleInputRows(String user, Iterator<Row> rows, TimerValues timerValues) {
            long count = clicks.exists() ? clicks.get() : 0L;
            long last = 0;
            while (rows.hasNext()) {
                Row click = rows.next();
                String page = click.getAs("page");
                perPage.updateValue(page, perPage.containsKey(page) ? perPage.getValue(page) + 1 : 1L);
                count++;
                last = Math.max(last, ((Timestamp) click.getAs("time")).getTime());
            }
            clicks.update(count);
            getHandle().registerTimer(last + 10_000);
            return CollectionConverters.asScala(List.<String>of().iterator());
        }

        @Override
        public Iterator<String> handleExpiredTimer(String user, TimerValues timerValues, ExpiredTimerInfo info) {
            String closed = user + ": " + clicks.get() + " clicks";
            clicks.clear();
            perPage.clear();
            return CollectionConverters.asScala(List.of(closed).iterator());
        }
    }

    /** The same state variable "clicks", declared as text this time. */
    static final class ClicksAsText extends StatefulProcessor<String, Row, String> {
        @Override
        public void init(OutputMode outputMode, TimeMode timeMode) {
            getHandle().getValueState("clicks", Encoders.STRING(), TTLConfig.NONE());
        }

        @Override
        public Iterator<String> handleInputRows(String user, Iterator<Row> rows, TimerValues timerValues) {
            return CollectionConverters.asScala(List.<String>of().iterator());
        }
    }

    /** Puts {@code lines} in the folder as {@code file}, runs the processor on the folder until all is read, stops. */
    private Path run(StatefulProcessor<String, Row, String> processor, String file, String... lines) throws Exception {
        SparkSession spark = TestSpark.session();
        spark.conf().set(PROVIDER, ROCKSDB);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path hidden = in.resolve("." + file);
        Files.writeString(hidden, String.join("\n", lines) + "\n");
        Files.move(hidden, in.resolve(file));
        Path checkpoint = dir.resolve("checkpoint");
        StreamingQuery query = spark.readStream()
                .schema(CLICK)
                .json(in.toString())
                .withWatermark("time", "5 seconds")
                .groupByKey((MapFunction<Row, String>) c -> c.getAs("user"), Encoders.STRING())
                .transformWithState(processor, TimeMode.EventTime(), OutputMode.Append(), Encoders.STRING())
                .writeStream()
                .format("noop")
                .outputMode("append")
                .option("checkpointLocation", checkpoint.toString())
                .start();
        try {
            TestSpark.processAll(query);
        } finally {
            query.stop();
        }
        return checkpoint;
    }

    private static Dataset<Row> stateVariable(Path checkpoint, String name) {
        return TestSpark.session()
                .read()
                .format("statestore")
                .option("stateVarName", name)
                .load(checkpoint.toString());
    }

    @Test
    void the_state_metadata_names_the_operator_and_its_state_variables() throws Exception {
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        List<Row> operators = TestSpark.session()
                .read()
                .format("state-metadata")
                .load(checkpoint.toString())
                .collectAsList();
        assertThat(operators).as("the stateful operators of the query").hasSize(1);
        Row operator = operators.get(0);
        assertThat((String) operator.getAs("operatorName")).isEqualTo("transformWithStateExec");
        assertThat((Integer) operator.getAs("numPartitions"))
                .as("spark.sql.shuffle.partitions")
                .isEqualTo(2);
        JsonNode properties = new ObjectMapper().readTree((String) operator.getAs("operatorProperties"));
        Map<String, String> variables = new TreeMap<>();
        properties
                .get("stateVariables")
                .forEach(v -> variables.put(
                        v.get("stateName").asText(), v.get("stateVariableType").asText()));
        assertThat(variables).containsEntry("clicks", "ValueState").containsEntry("perPage", "MapState");
        assertThat(properties.get("timeMode").asText()).isEqualTo("EventTime");
    }

    @Test
    void the_statestore_reader_shows_a_value_state_by_its_name() throws Exception {
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        Map<String, Long> clicks = new TreeMap<>();
        for (Row r : stateVariable(checkpoint, "clicks").collectAsList()) {
            clicks.put(r.getStruct(0).getString(0), r.getStruct(1).getLong(0)); // key.value, value.value
        }
        assertThat(clicks).isEqualTo(Map.of("ana", 3L, "bo", 1L));
    }

    @Test
    void the_statestore_reader_gives_a_map_state_one_row_per_entry() throws Exception {
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        Dataset<Row> perPage = stateVariable(checkpoint, "perPage");
        assertThat(perPage.columns()).startsWith("key", "user_map_key", "user_map_value");
        List<String> entries = new ArrayList<>();
        for (Row r : perPage.collectAsList()) {
            entries.add(r.getStruct(0).getString(0) + " " + r.getStruct(1).getString(0) + " "
                    + r.getStruct(2).getLong(0));
        }
        assertThat(entries).containsExactlyInAnyOrder("ana /home 2", "ana /cart 1", "bo /home 1");
    }

    @Test
    void the_registered_timers_are_read_back_with_their_time() throws Exception {
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        Map<String, Instant> timers = new TreeMap<>();
        for (Row r : TestSpark.session()
                .read()
                .format("statestore")
                .option("readRegisteredTimers", true)
                .load(checkpoint.toString())
                .collectAsList()) {
            timers.put(r.getStruct(0).getString(0), Instant.ofEpochMilli(r.getAs("expiration_timestamp_ms")));
        }
        assertThat(timers)
                .as("one timer per user, 10 s after the user's last click")
                .isEqualTo(Map.of(
                        "ana", Instant.parse("2024-05-14T10:00:14Z"), "bo", Instant.parse("2024-05-14T10:00:12Z")));
    }

    /** The names of the files of partition 0's state, without the checksums. */
    private static List<String> stateFiles(Path checkpoint) throws Exception {
        try (Stream<Path> files = Files.list(checkpoint.resolve("state/0/0"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void without_changelog_checkpointing_every_batch_uploads_a_snapshot() throws Exception {
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        assertThat(stateFiles(checkpoint))
                .as("state/0/0 after batch 0 (the clicks) and batch 1 (no data)")
                .contains("1.zip", "2.zip")
                .noneMatch(name -> name.endsWith(".changelog"));
    }

    @Test
    void with_changelog_checkpointing_every_batch_writes_only_its_changes() throws Exception {
        TestSpark.session().conf().set(CHANGELOG, "true");
        Path checkpoint = run(new PagesPerUser(), "clicks.json", CLICKS);
        assertThat(stateFiles(checkpoint))
                .as("state/0/0 after batch 0 (the clicks) and batch 1 (no data)")
                .contains("1.changelog", "2.changelog")
                .doesNotContain("2.zip");
    }

    @Test
    void a_restart_that_gives_a_state_variable_another_type_is_refused() throws Exception {
        run(new PagesPerUser(), "clicks.json", CLICKS);
        assertThatThrownBy(() -> run(new ClicksAsText(), "more.json", click("ana", "/help", "10:00:09")))
                .satisfies(e ->
                        assertThat(SparkErrors.conditionOf(e)).isEqualTo("STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE"))
                .hasMessageContaining("Provided value schema does not match existing state value schema");
    }
}
