package streamlab.lab12;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.util.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple2;
import streamlab.harness.SparkErrors;
import streamlab.harness.TestSpark;

/**
 * What may change between two runs on one checkpoint, each rule shown with what Spark does. Given
 * code, not graded: it calls none of your exercises. Read it with the lab's CONCEPTS.md, "What may
 * change between restarts"; run it with {@code ./mvnw -q test -pl labs/lab12-checkpoints-and-recovery -am
 * -Dtest=RestartRulesTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RestartRulesTest {

    @TempDir
    Path dir;

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    // ---- Structured Streaming: the first run counts per window and danger level ----

    private static Dataset<Row> perLevel(Dataset<Row> events) {
        return events.withWatermark("timestamp", "30 seconds")
                .groupBy(window(col("timestamp"), "1 minute"), col("danger_level"))
                .count();
    }

    /**
     * Runs {@code first} on events-01.json (10:00:00 to 10:00:45), stops, then {@code second} on the same
     * checkpoint with the first two events of events-02.json (10:00:50 dev-04 MEDIUM, 10:00:55 dev-01 LOW):
     * the watermark stays before 10:01, so the window of 10:00 stays in the state. Returns the rows of
     * the state after the second run, or throws what Spark threw.
     */
    private List<String> firstThen(
            Function<Dataset<Row>, Dataset<Row>> first, Function<Dataset<Row>, Dataset<Row>> second)
            throws TimeoutException, StreamingQueryException {
        Path in = dir.resolve("in");
        Path checkpoint = dir.resolve("checkpoint");
        SparkSession spark = TestSpark.session();
        IotData.put(in, "events-01.json", IotData.dataset(1), 0);
        Dataset<Row> events = spark.readStream().schema(IotEvent.SCHEMA).json(in.toString());
        StreamingQuery run = first.apply(events)
                .writeStream()
                .format("noop")
                .outputMode("update")
                .option("checkpointLocation", checkpoint.toString())
                .start();
        TestSpark.processAll(run);
        run.stop();
        IotData.put(in, "events-02.json", IotData.dataset(2).subList(0, 2), 0);
        StreamingQuery again = second.apply(events)
                .writeStream()
                .format("noop")
                .outputMode("update")
                .option("checkpointLocation", checkpoint.toString())
                .start();
        try {
            TestSpark.processAll(again);
        } finally {
            again.stop();
        }
        List<String> state = new ArrayList<>();
        for (Row r :
                spark.read().format("statestore").load(checkpoint.toString()).collectAsList()) {
            Row key = r.getStruct(0);
            state.add(key.getStruct(0).getTimestamp(0).toInstant() + " " + key.get(1) + " -> "
                    + r.getStruct(1).get(0));
        }
        return state;
    }

    @Test
    void another_grouping_key_is_refused() {
        assertThatThrownBy(() -> firstThen(
                        RestartRulesTest::perLevel,
                        events -> events.withWatermark("timestamp", "30 seconds")
                                .groupBy(window(col("timestamp"), "1 minute"), col("danger_level"), col("deviceId"))
                                .count()))
                .satisfies(
                        e -> assertThat(SparkErrors.conditionOf(e)).isEqualTo("STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE"))
                .hasMessageContaining("Provided key schema does not match existing state key schema");
    }

    @Test
    void another_aggregation_is_refused() {
        assertThatThrownBy(() -> firstThen(
                        RestartRulesTest::perLevel,
                        events -> events.withWatermark("timestamp", "30 seconds")
                                .groupBy(window(col("timestamp"), "1 minute"), col("danger_level"))
                                .agg(count("*").as("count"), avg("temperature"))))
                .satisfies(e ->
                        assertThat(SparkErrors.conditionOf(e)).isEqualTo("STATE_STORE_VALUE_SCHEMA_NOT_COMPATIBLE"))
                .hasMessageContaining("Provided value schema does not match existing state value schema");
    }

    @Test
    void another_stateful_operator_is_refused() {
        assertThatThrownBy(() -> firstThen(
                        RestartRulesTest::perLevel,
                        events -> events.withWatermark("timestamp", "30 seconds")
                                .dropDuplicates("deviceId", "timestamp")))
                .satisfies(e -> assertThat(SparkErrors.conditionOf(e))
                        .isEqualTo("STREAMING_STATEFUL_OPERATOR_NOT_MATCH_IN_STATE_METADATA"))
                .hasMessageContaining(
                        "Stateful operators in the metadata: [(OperatorId: 0 -> OperatorName: stateStoreSave)]");
    }

    @Test
    void a_filter_before_the_aggregation_may_be_added_and_the_state_goes_on() throws Exception {
        List<String> state = firstThen(RestartRulesTest::perLevel, events -> perLevel(events.where("temperature > 0")));
        assertThat(state)
                .as("the state after the second run: the window of 10:00 goes on (6 MEDIUM events, then 1)")
                .contains("2023-10-27T10:00:00Z MEDIUM -> 7");
    }

    @Test
    void a_grouping_column_of_the_same_type_is_not_refused_and_mixes_the_state() throws Exception {
        // deviceId is a string like danger_level: Spark checks the types, not the meaning, and goes on
        List<String> state = firstThen(
                RestartRulesTest::perLevel,
                events -> events.withWatermark("timestamp", "30 seconds")
                        .groupBy(window(col("timestamp"), "1 minute"), col("deviceId"))
                        .count());
        assertThat(state)
                .as("the state holds danger levels of the first run and devices of the second")
                .contains("2023-10-27T10:00:00Z HIGH -> 3", "2023-10-27T10:00:00Z dev-04 -> 1");
    }

    // ---- DStreams: getOrCreate runs the program that is in the checkpoint ----

    private static final Map<String, Map<Long, String>> SEEN = new ConcurrentHashMap<>();

    @Test
    void get_or_create_ignores_a_changed_create_function_and_runs_the_graph_of_the_checkpoint() {
        Path checkpoint = dir.resolve("dstream-checkpoint");
        Path in = dir.resolve("in");
        IotData.put(in, ".start", "");
        String run = "rules-" + System.nanoTime();
        SEEN.put(run, new TreeMap<>());
        boolean[] newCodeCalled = {false};
        // version 1: 1 s batches, the number of lines of each batch
        JavaStreamingContext first = JavaStreamingContext.getOrCreate(checkpoint.toString(), () -> {
            JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
            ssc.checkpoint(checkpoint.toString());
            ssc.textFileStream(in.toString())
                    .count()
                    .foreachRDD((rdd, time) ->
                            SEEN.get(run).put(time.milliseconds(), "version 1: " + rdd.first() + " lines"));
            return ssc;
        });
        first.start();
        IotData.put(in, "a.json", List.of("1", "2", "3"), 500);
        ((ManualClock) first.ssc().scheduler().clock()).setTime(1000);
        awaitOutput(first, run, 1000L);
        awaitCheckpoint(first, 1000L);
        first.stop(false, false);

        // version 2 of the program: 2 s batches, and words instead of lines. getOrCreate finds a checkpoint
        JavaStreamingContext second = JavaStreamingContext.getOrCreate(checkpoint.toString(), () -> {
            newCodeCalled[0] = true;
            JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.seconds(2));
            ssc.checkpoint(checkpoint.toString());
            ssc.textFileStream(in.toString())
                    .mapToPair(line -> new Tuple2<>(line, 1))
                    .count()
                    .foreachRDD((rdd, time) -> SEEN.get(run).put(time.milliseconds(), "version 2"));
            return ssc;
        });
        try {
            assertThat(newCodeCalled[0])
                    .as("getOrCreate called the new create function")
                    .isFalse();
            assertThat(second.ssc().graph().batchDuration().milliseconds())
                    .as("the batch interval after the restart")
                    .isEqualTo(1000L);
            second.start();
            IotData.put(in, "b.json", List.of("4", "5"), 1500);
            ((ManualClock) second.ssc().scheduler().clock()).setTime(2000);
            awaitOutput(second, run, 2000L);
            assertThat(SEEN.get(run))
                    .as("what the outputs saw")
                    .containsEntry(1000L, "version 1: 3 lines")
                    .containsEntry(2000L, "version 1: 2 lines");
        } finally {
            second.stop(false, false);
            SEEN.remove(run);
        }
    }

    /** Waits (60 s at most) until the output has seen the batch at {@code timeMs}. */
    private static void awaitOutput(JavaStreamingContext ssc, String run, long timeMs) {
        awaitUntil(ssc, () -> SEEN.get(run).containsKey(timeMs), "the output of the batch at " + timeMs + " ms");
    }

    private static void awaitCheckpoint(JavaStreamingContext ssc, long timeMs) {
        awaitUntil(
                ssc,
                () -> ssc.ssc().scheduler().jobGenerator().lastProcessedBatch() != null
                        && ssc.ssc()
                                        .scheduler()
                                        .jobGenerator()
                                        .lastProcessedBatch()
                                        .milliseconds()
                                >= timeMs,
                "the checkpoint of the batch at " + timeMs + " ms");
    }

    /** A bounded wait for a condition, a few milliseconds at a time on the context itself. */
    private static void awaitUntil(JavaStreamingContext ssc, java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not come within 60 s");
            }
            try {
                if (ssc.awaitTerminationOrTimeout(5)) {
                    throw new AssertionError("the context stopped before " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
