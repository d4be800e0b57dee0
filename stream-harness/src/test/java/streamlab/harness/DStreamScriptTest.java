package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;

/** The DStream runner on real exercises, right and wrong: each assertion must catch the wrong one. */
class DStreamScriptTest {

    private static LongAccumulator seen;

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
        seen = null;
    }

    private static JavaPairDStream<String, Long> countPerBatch(JavaDStream<String> lines) {
        return lines.mapToPair(line -> new Tuple2<>(line, 1L)).reduceByKey(Long::sum);
    }

    /** Not a sum: right while each key has one value per partition, wrong when partial counts meet. */
    private static JavaPairDStream<String, Long> countPlusOne(JavaDStream<String> lines) {
        return lines.mapToPair(line -> new Tuple2<>(line, 1L)).reduceByKey((a, b) -> a + 1);
    }

    private static JavaPairDStream<String, Long> runningCount(JavaDStream<String> lines) {
        return countPerBatch(lines).updateStateByKey((List<Long> now, Optional<Long> before) -> {
            long sum = before.orElse(0L);
            for (long n : now) {
                sum += n;
            }
            return Optional.of(sum);
        });
    }

    @Test
    void each_batch_of_the_script_is_the_input_of_one_batch() {
        DStreamScript.lines(List.of("a", "b", "a"), List.of(), List.of("b"))
                .runPairs(DStreamScriptTest::countPerBatch)
                .assertBatches(rows(row("a", 2), row("b", 1)), none(), rows(row("b", 1)));
    }

    @Test
    void a_batch_is_spread_over_two_partitions_so_a_combine_that_is_not_a_sum_is_caught() {
        StreamResult wrong = DStreamScript.lines(List.of("a", "a", "a", "a")).runPairs(DStreamScriptTest::countPlusOne);
        assertThatThrownBy(() -> wrong.assertBatches(rows(row("a", 4))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("actual     (a, 3)");
    }

    @Test
    void empty_batches_after_the_script_let_windows_slide_past() {
        DStreamScript.lines(List.of("a"))
                .thenEmptyBatches(2)
                .runPairs(lines -> countPerBatch(lines.window(
                        org.apache.spark.streaming.Durations.seconds(2),
                        org.apache.spark.streaming.Durations.seconds(1))))
                .assertBatches(rows(row("a", 1)), rows(row("a", 1)), none());
    }

    @Test
    void state_needs_checkpointing_and_is_refused_without_it() {
        DStreamScript.lines(List.of("a"), List.of("a"))
                .checkpointing()
                .runPairs(DStreamScriptTest::runningCount)
                .assertBatches(rows(row("a", 1)), rows(row("a", 2)));
        assertThatThrownBy(() -> DStreamScript.lines(List.of("a")).runPairs(DStreamScriptTest::runningCount))
                .hasMessageContaining("checkpoint directory has not been set");
    }

    @Test
    void an_exception_in_a_batch_reaches_the_test() {
        assertThatThrownBy(() -> DStreamScript.lines(List.of("boom"))
                        .run(lines -> lines.map(line -> {
                            throw new IllegalStateException("the exercise failed on " + line);
                        })))
                .hasMessageContaining("the exercise failed on boom");
    }

    @Test
    void an_exercise_that_returns_null_is_told_so() {
        assertThatThrownBy(() -> DStreamScript.lines(List.of("a")).run(lines -> null))
                .hasMessageContaining("returned null instead of a DStream");
    }

    @Test
    void a_probe_is_read_on_the_driver_after_every_batch() {
        StreamResult run = DStreamScript.lines(List.of("a", "b"), List.of(), List.of("c"))
                .probe("lines seen", sc -> seen == null ? 0L : seen.value())
                .run(lines -> lines.map(line -> {
                            return line;
                        })
                        .transform(rdd -> {
                            if (seen == null) {
                                seen = rdd.context().longAccumulator("seen");
                            }
                            LongAccumulator acc = seen;
                            return rdd.map(line -> {
                                acc.add(1);
                                return line;
                            });
                        }));
        run.observed().assertBatches(rows(row(2)), rows(row(2)), rows(row(3)));
        assertThatThrownBy(() -> run.observed().assertBatches(rows(row(2)), rows(row(2)), rows(row(4))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("lines seen after each batch");
    }

    @Test
    void a_restart_recovers_the_state_from_the_checkpoint_and_runs_the_last_batch_again() {
        boolean[] restarted = {false};
        StreamResult run = DStreamScript.lines(List.of("a"), List.of("a", "b"), List.of("b"))
                .restartAfter(2)
                .onRestart(() -> restarted[0] = true)
                .runPairs(DStreamScriptTest::runningCount);
        assertThat(restarted[0]).isTrue();
        assertThat(run.steps())
                .extracting(StreamResult.Step::name)
                .containsExactly(
                        "batch 1 (t=1 s)", "batch 2 (t=2 s)",
                        "batch 2 again, run once more after the restart (t=2 s)", "batch 3 (t=3 s)");
        // the re-run starts from the state checkpointed with batch 1: nothing is counted twice
        run.assertBatches(
                rows(row("a", 1)),
                rows(row("a", 2), row("b", 1)),
                rows(row("a", 2), row("b", 1)),
                rows(row("a", 2), row("b", 2)));
    }

    @Test
    void a_restart_needs_a_batch_of_the_script() {
        assertThatThrownBy(
                        () -> DStreamScript.lines(List.of("a")).restartAfter(2).run(lines -> lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batches 1 to 1");
    }
}
