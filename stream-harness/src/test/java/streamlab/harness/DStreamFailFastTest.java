package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import scala.Tuple2;

/**
 * Wrong answers that emit fewer batches, emit them at other times, or fail a batch: each must end the
 * test at once with the batch-by-batch report (input, expected or what ran, actual), never by waiting for
 * a batch that will not come. The messages tell: a run that waited would end with "did not finish".
 */
class DStreamFailFastTest {

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static JavaPairDStream<String, Long> windowCounts(
            JavaDStream<String> lines, int windowSeconds, int slideSeconds) {
        return lines.mapToPair(line -> new Tuple2<>(line, 1L))
                .reduceByKeyAndWindow(Long::sum, Durations.seconds(windowSeconds), Durations.seconds(slideSeconds));
    }

    @Test
    void a_window_with_another_slide_is_reported_batch_by_batch() {
        // expected: a window of 2 s every second; the wrong answer slides every 2 s, so it says nothing at odd times
        StreamResult wrong = DStreamScript.lines(List.of("a", "a", "b"), List.of("a"), List.of("b", "b"))
                .thenEmptyBatches(1)
                .title("a window of 2 s that slides every 2 s")
                .runPairs(lines -> windowCounts(lines, 2, 2));
        assertThatThrownBy(() -> wrong.assertBatches(
                        rows(row("a", 2), row("b", 1)), rows(row("a", 3), row("b", 1)),
                        rows(row("a", 1), row("b", 2)), rows(row("b", 2))))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Wrong rows at batch 1 (t=1 s)")
                .hasMessageContaining("=> batch 1 (t=1 s)")
                .hasMessageContaining("input      \"a\"  \"a\"  \"b\"")
                .hasMessageContaining("expected   (a, 2) (b, 1)\n      actual     (no rows)")
                .hasMessageContaining("   batch 2 (t=2 s)\n      input      \"a\"\n      expected   (a, 3) (b, 1)\n"
                        + "      actual     (a, 3) (b, 1)");
    }

    @Test
    void a_transform_that_fails_on_an_empty_batch_while_its_jobs_are_made_stops_the_run_with_the_report() {
        // the function of transform runs on the driver while Spark makes the batch's jobs: an error there
        // means the batch never completes, and only the context hears of it
        assertThatThrownBy(() -> DStreamScript.lines(List.of("a", "a", "b"), List.of(), List.of("a"))
                        .title("the first line of every batch")
                        .run(lines -> lines.transform(rdd -> {
                            String first = rdd.first();
                            return rdd.filter(line -> line.equals(first));
                        })))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("the first line of every batch, 1 s batches")
                .hasMessageContaining("batch 2 (t=2 s) failed, so the run stopped there")
                .hasMessageContaining("empty collection")
                .hasMessageContaining(
                        "   batch 1 (t=1 s)\n      input      \"a\"  \"a\"  \"b\"\n      actual     (a) (a)")
                .hasMessageContaining(
                        "=> batch 2 (t=2 s)\n      input      (no lines)\n      actual     (failed: no output)")
                .hasMessageContaining("   batch 3 (t=3 s), never ran");
    }

    @Test
    void a_job_that_fails_on_an_empty_batch_stops_the_run_with_the_report() {
        assertThatThrownBy(() -> DStreamScript.lines(List.of("a", "b", "a"), List.of("b"), List.of(), List.of("a"))
                        .title("counts that refuse an empty partition")
                        .runPairs(lines -> lines.mapPartitions(part -> {
                                    if (!part.hasNext()) {
                                        throw new IllegalStateException("an empty partition");
                                    }
                                    return part;
                                })
                                .mapToPair(line -> new Tuple2<>(line, 1L))
                                .reduceByKey(Long::sum)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("batch 2 (t=2 s) failed, so the run stopped there")
                .hasMessageContaining("an empty partition")
                .hasMessageContaining(
                        "   batch 1 (t=1 s)\n      input      \"a\"  \"b\"  \"a\"\n      actual     (a, 2) (b, 1)")
                .hasMessageContaining("   batch 4 (t=4 s), never ran");
    }

    @Test
    void a_window_whose_slide_is_not_a_multiple_of_the_batch_interval_is_refused_at_once() {
        assertThatThrownBy(() -> DStreamScript.lines(List.of("a"), List.of("a"))
                        .batchSeconds(2)
                        .runPairs(lines -> windowCounts(lines, 6, 3)))
                .hasMessageContaining("must be a multiple of the slide duration of parent DStream");
    }

    @Test
    void the_right_answer_of_the_same_script_passes() {
        DStreamScript.lines(List.of("a", "b", "a"), List.of("b"), List.of(), List.of("a"))
                .runPairs(
                        lines -> lines.mapToPair(line -> new Tuple2<>(line, 1L)).reduceByKey(Long::sum))
                .assertBatches(rows(row("a", 2), row("b", 1)), rows(row("b", 1)), none(), rows(row("a", 1)));
    }
}
