package streamlab.lab12;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab12.IotData.event;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * Batches of 1 s on Spark's manual clock. {@code highTotals} runs on lines given batch by batch (each
 * batch spread over two partitions); {@code createContext} is started with
 * {@code JavaStreamingContext.getOrCreate}, stopped like a driver that dies, and started again on its
 * checkpoint, which runs the checkpoint's own batch once more.
 */
@LabTest(lab = "12", api = Api.DSTREAM)
class Lab12DStreamTest {

    @TempDir
    Path dir;

    private static final String A_HIGH_1 = event("dev-01", 107.8, "HIGH", "10:00:05");
    private static final String B_LOW = event("dev-02", 20.0, "LOW", "10:00:10");
    private static final String A_HIGH_2 = event("dev-01", 99.1, "HIGH", "10:00:15");
    private static final String C_HIGH_1 = event("dev-03", 93.0, "HIGH", "10:00:20");
    private static final String C_MEDIUM = event("dev-03", 60.0, "MEDIUM", "10:00:25");
    private static final String B_HIGH_1 = event("dev-02", 91.5, "HIGH", "10:00:30");
    private static final String C_HIGH_2 = event("dev-03", 95.0, "HIGH", "10:00:35");

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(List<String>... batches) {
        return DStreamScript.lines(batches)
                .title("Lab 12 RecoveryDStream.highTotals")
                .checkpointing();
    }

    // ---- highTotals: updateStateByKey, state in the checkpoint ----

    @Test
    void high_totals_count_the_high_events_of_each_device_since_the_start() {
        script(List.of(A_HIGH_1, B_LOW, A_HIGH_2, C_MEDIUM), List.of(), List.of(C_HIGH_1, A_HIGH_1, B_HIGH_1, B_LOW))
                .runPairs(RecoveryDStream::highTotals)
                .assertBatches(
                        rows(row("dev-01", 2)),
                        rows(row("dev-01", 2)),
                        rows(row("dev-01", 3), row("dev-02", 1), row("dev-03", 1)));
    }

    @Test
    void high_totals_leave_out_lines_that_are_not_events() {
        script(
                        List.of(
                                "",
                                "not json",
                                "{\"deviceId\":\"dev-09\",\"temperature\":\"hot\",\"danger_level\":\"HIGH\"}",
                                "{\"deviceId\":\"dev-01\",\"danger_level\":\"HIGH\"",
                                A_HIGH_1,
                                "{\"deviceId\":\"dev-07\","
                                        + "\"danger_level\":\"high\",\"timestamp\":\"2023-10-27T10:00:00Z\"}"),
                        List.of(event("dev-08", 99.0, "HIGH", "10:00:40").replace("}", ",\"firmware\":\"2.1\"}")))
                .runPairs(RecoveryDStream::highTotals)
                .assertBatches(rows(row("dev-01", 1)), rows(row("dev-01", 1), row("dev-08", 1)));
    }

    @Test
    void high_totals_go_on_from_the_checkpoint_after_a_restart() {
        script(List.of(A_HIGH_1, C_HIGH_1), List.of(A_HIGH_2, B_LOW), List.of(C_HIGH_2, A_HIGH_1, B_HIGH_1))
                .restartAfter(2)
                .runPairs(RecoveryDStream::highTotals)
                .assertBatches(
                        rows(row("dev-01", 1), row("dev-03", 1)),
                        rows(row("dev-01", 2), row("dev-03", 1)),
                        rows(row("dev-01", 2), row("dev-03", 1)), // batch 2 again: from the state of batch 1
                        rows(row("dev-01", 3), row("dev-02", 1), row("dev-03", 2)));
    }

    @Test
    void high_totals_add_up_the_events_of_a_device_in_both_partitions_of_a_batch() {
        script(List.of(A_HIGH_1, A_HIGH_2, A_HIGH_1, A_HIGH_2, A_HIGH_1), List.of(A_HIGH_2, B_LOW, A_HIGH_1))
                .runPairs(RecoveryDStream::highTotals)
                .assertBatches(rows(row("dev-01", 5)), rows(row("dev-01", 7)));
    }

    // ---- createContext: what getOrCreate builds, and finds again ----

    /** A run of createContext on this test's folders: the input folder {@code in} (made now) and {@code checkpoint}. */
    private ContextRun contextRun() {
        IotData.put(dir.resolve("in"), ".start", "");
        return new ContextRun(dir.resolve("checkpoint"), dir.resolve("in"));
    }

    @Test
    void create_context_builds_the_whole_program_and_get_or_create_calls_it_once_with_no_checkpoint() {
        Path input = dir.resolve("in");
        ContextRun run = contextRun();
        try {
            run.start()
                    .batch(
                            "a.json: dev-01 HIGH, dev-02 LOW",
                            t -> IotData.put(input, "a.json", List.of(A_HIGH_1, B_LOW), t - 500))
                    .batch("nothing new", t -> {})
                    .batch(
                            "b.json: dev-01 HIGH, dev-03 HIGH, a line that is not an event",
                            t -> IotData.put(input, "b.json", List.of(A_HIGH_2, C_HIGH_1, "oops"), t - 500))
                    .assertTotals(
                            "Lab 12 RecoveryDStream.createContext, started with getOrCreate on an empty checkpoint"
                                    + " directory: the totals its output received after each batch",
                            Map.of("dev-01", 1L),
                            Map.of("dev-01", 1L),
                            Map.of("dev-01", 2L, "dev-03", 1L));
            assertThat(run.created())
                    .as("how often getOrCreate called createContext (no checkpoint yet)")
                    .isEqualTo(1);
            Path checkpoint = dir.resolve("checkpoint");
            assertThat(IotData.names(checkpoint))
                    .as("the checkpoint directory %s after three batches", checkpoint)
                    .anyMatch(name -> name.startsWith("checkpoint-"));
        } finally {
            run.close();
        }
    }

    @Test
    void a_context_that_get_or_create_recovers_goes_on_with_its_totals_without_calling_create_context() {
        Path input = dir.resolve("in");
        ContextRun run = contextRun();
        try {
            run.start()
                    .batch(
                            "a.json: dev-01 HIGH, dev-03 HIGH",
                            t -> IotData.put(input, "a.json", List.of(A_HIGH_1, C_HIGH_1), t - 500))
                    .batch(
                            "b.json: dev-01 HIGH, dev-02 LOW",
                            t -> IotData.put(input, "b.json", List.of(A_HIGH_2, B_LOW), t - 500))
                    .stop()
                    .start()
                    .batch(
                            "c.json: dev-03 HIGH, dev-02 HIGH",
                            t -> IotData.put(input, "c.json", List.of(C_HIGH_2, B_HIGH_1), t - 500))
                    .batch("nothing new", t -> {})
                    .assertTotals(
                            "Lab 12 RecoveryDStream.createContext, stopped after batch 2 and started again with"
                                    + " getOrCreate on the same checkpoint: the totals after each batch",
                            Map.of("dev-01", 1L, "dev-03", 1L),
                            Map.of("dev-01", 2L, "dev-03", 1L),
                            Map.of("dev-01", 2L, "dev-03", 1L),
                            Map.of("dev-01", 2L, "dev-02", 1L, "dev-03", 2L),
                            Map.of("dev-01", 2L, "dev-02", 1L, "dev-03", 2L));
            assertThat(run.created())
                    .as("how often getOrCreate called createContext: once, the first time;"
                            + " the second start must recover the context from the checkpoint")
                    .isEqualTo(1);
        } finally {
            run.close();
        }
    }

    @Test
    void create_context_hands_every_batch_to_the_output_even_before_the_first_high_event() {
        Path input = dir.resolve("in");
        ContextRun run = contextRun();
        try {
            run.start()
                    .batch("nothing yet", t -> {})
                    .batch(
                            "a.json: dev-02 LOW, dev-03 MEDIUM",
                            t -> IotData.put(input, "a.json", List.of(B_LOW, C_MEDIUM), t - 500))
                    .batch("b.json: dev-02 HIGH", t -> IotData.put(input, "b.json", List.of(B_HIGH_1), t - 500))
                    .assertTotals(
                            "Lab 12 RecoveryDStream.createContext, started with getOrCreate on an empty checkpoint"
                                    + " directory: the totals its output received after each batch (every batch is handed"
                                    + " to the output, with no totals at all before the first HIGH event)",
                            Map.of(),
                            Map.of(),
                            Map.of("dev-02", 1L));
        } finally {
            run.close();
        }
    }

    /** createContext called directly, as getOrCreate calls it with no checkpoint, with batches of {@code seconds}. */
    private JavaStreamingContext createdDirectly(int seconds) {
        Path input = dir.resolve("in");
        IotData.put(input, ".start", "");
        return RecoveryDStream.createContext(
                TestSpark.context(),
                dir.resolve("checkpoint").toString(),
                input.toString(),
                Durations.seconds(seconds),
                (batchTimeMs, totals) -> {});
    }

    @Test
    void create_context_returns_the_context_unstarted() {
        JavaStreamingContext ssc = createdDirectly(1);
        try {
            assertThat(ssc.getState())
                    .as("Lab 12 RecoveryDStream.createContext(sc, checkpoint, in, 1 s, output), called as"
                            + " getOrCreate calls it when there is no checkpoint: the state of the context it returns (the caller"
                            + " starts it, after getOrCreate, once it has added its listeners)")
                    .isEqualTo(StreamingContextState.INITIALIZED);
        } finally {
            ssc.stop(false, false);
        }
    }

    @Test
    void create_context_batches_at_the_interval_it_is_given() {
        // the tests run batches of 1 s, the program of 2 s (--batch S): the function must use the one it is given
        JavaStreamingContext ssc = createdDirectly(3);
        try {
            assertThat(ssc.ssc().graph().batchDuration().milliseconds())
                    .as(
                            "Lab 12 RecoveryDStream.createContext(sc,"
                                    + " checkpoint, in, Durations.seconds(3), output): the batch interval of the context it returns, in ms")
                    .isEqualTo(3000L);
        } finally {
            ssc.stop(false, false);
        }
    }

    /** An empty batch of a fresh context gives no totals at all: nothing has been seen yet. */
    @Test
    void high_totals_give_nothing_before_the_first_high_event() {
        script(List.of(), List.of(B_LOW, C_MEDIUM), List.of(B_HIGH_1))
                .runPairs(RecoveryDStream::highTotals)
                .assertBatches(none(), none(), rows(row("dev-02", 1)));
    }
}
