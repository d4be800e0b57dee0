package streamlab.lab06;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.OutputOperationInfo;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/** Batches on the manual clock: batch k runs at k seconds (k * 1000 ms), one per step of the script. */
@LabTest(lab = "06", api = Api.DSTREAM)
class Lab06DStreamTest {

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    // ---- queued: a queue of RDDs, one per batch ----

    @Test
    void queued_gives_one_rdd_per_batch_in_order_then_empty_batches() {
        List<List<String>> batches = List.of(List.of("a", "b", "c"), List.of(), List.of("d", "e"));
        DStreamScript.<String>from(ssc -> RateTriggersDStream.queued(ssc, batches))
                .title("Lab 06 RateTriggersDStream.queued([a, b, c], [], [d, e])")
                .then("batch 1 of the queue", t -> {})
                .then("batch 2 of the queue", t -> {})
                .then("batch 3 of the queue", t -> {})
                .then("the queue is empty", t -> {})
                .run(lines -> lines)
                .assertBatches(rows(row("a"), row("b"), row("c")), none(), rows(row("d"), row("e")), none());
    }

    /**
     * Runs {@code test} as on a machine of 3 cores (spark.default.parallelism=3), where an RDD left to the
     * default parallelism takes 3 partitions, not the 2 of the tests' local[2].
     */
    private static void onThreeCores(Runnable test) {
        SparkConf conf = TestSpark.context().sc().conf();
        String cores = conf.get("spark.default.parallelism");
        conf.set("spark.default.parallelism", "3");
        try {
            test.run();
        } finally {
            conf.set("spark.default.parallelism", cores);
        }
    }

    /** Each element as text with the index of its partition: {@code x@1}. */
    private static <T> JavaDStream<String> withPartitions(JavaDStream<T> stream) {
        return stream.transform(rdd -> rdd.mapPartitionsWithIndex(
                (p, it) -> {
                    List<String> tagged = new java.util.ArrayList<>();
                    it.forEachRemaining(element -> tagged.add(element + "@" + p));
                    return tagged.iterator();
                },
                true));
    }

    @Test
    void queued_keeps_repeated_lines_and_spreads_a_batch_over_two_partitions() {
        List<List<String>> batches = List.of(List.of("x", "x", "y", "x"));
        onThreeCores(() -> DStreamScript.<String>from(ssc -> RateTriggersDStream.queued(ssc, batches))
                .title("Lab 06 RateTriggersDStream.queued([x, x, y, x]) on 3 cores (spark.default.parallelism=3),"
                        + " each line with its partition")
                .then("batch 1 of the queue", t -> {})
                .run(Lab06DStreamTest::withPartitions)
                .assertBatches(rows(row("x@0"), row("x@0"), row("y@1"), row("x@1"))));
    }

    // ---- ticks: the same values in every batch, with the batch's time ----

    @Test
    void ticks_give_the_values_0_to_n_minus_1_in_every_batch_with_the_batch_time() {
        DStreamScript.<scala.Tuple2<Long, Long>>from(
                        ssc -> RateTriggersDStream.ticks(ssc, 3).toJavaDStream())
                .title("Lab 06 RateTriggersDStream.ticks(3), rows (batch time in ms, value)")
                .then("batch at 1000 ms", t -> {})
                .then("batch at 2000 ms", t -> {})
                .then("batch at 3000 ms", t -> {})
                .run(pairs -> pairs.map(p -> List.of(p._1(), p._2())))
                .assertBatches(
                        rows(row(List.of(1000L, 0L)), row(List.of(1000L, 1L)), row(List.of(1000L, 2L))),
                        rows(row(List.of(2000L, 0L)), row(List.of(2000L, 1L)), row(List.of(2000L, 2L))),
                        rows(row(List.of(3000L, 0L)), row(List.of(3000L, 1L)), row(List.of(3000L, 2L))));
    }

    @Test
    void ticks_spread_the_values_over_two_partitions() {
        onThreeCores(() -> DStreamScript.<Long>from(
                        ssc -> RateTriggersDStream.ticks(ssc, 3).map(p -> p._2()))
                .title("Lab 06 RateTriggersDStream.ticks(3) on 3 cores (spark.default.parallelism=3), each value"
                        + " with its partition")
                .then("batch at 1000 ms", t -> {})
                .run(Lab06DStreamTest::withPartitions)
                .assertBatches(rows(row("0@0"), row("1@1"), row("2@1"))));
    }

    @Test
    void ticks_follow_the_batch_interval_the_only_trigger_a_dstream_has() {
        DStreamScript.<scala.Tuple2<Long, Long>>from(
                        ssc -> RateTriggersDStream.ticks(ssc, 1).toJavaDStream())
                .title("Lab 06 RateTriggersDStream.ticks(1) with batches of 2.5 s")
                .batchSeconds(2.5)
                .then("batch at 2500 ms", t -> {})
                .then("batch at 5000 ms", t -> {})
                .run(pairs -> pairs.map(p -> List.of(p._1(), p._2())))
                .assertBatches(rows(row(List.of(2500L, 0L))), rows(row(List.of(5000L, 0L))));
    }

    // ---- nextContext: stop one StreamingContext, keep its SparkContext, make the next ----

    @Test
    void next_context_stops_the_running_one_but_not_its_spark_context() {
        JavaStreamingContext first = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
        RateTriggersDStream.queued(first, List.of(List.of("a"))).foreachRDD(rdd -> {});
        first.start();

        JavaStreamingContext next = RateTriggersDStream.nextContext(first, Durations.seconds(2));

        assertThat(first.getState())
                .as("the first StreamingContext after nextContext")
                .isEqualTo(StreamingContextState.STOPPED);
        assertThat(first.sparkContext().sc().isStopped())
                .as("the SparkContext must live on: stop(false) stops only the StreamingContext")
                .isFalse();
        assertThat(next)
                .as("nextContext must return a new StreamingContext")
                .isNotNull()
                .isNotSameAs(first);
        assertThat(next.getState())
                .as("the new StreamingContext, before its start")
                .isEqualTo(StreamingContextState.INITIALIZED);
        assertThat(next.sparkContext().sc())
                .as("the new StreamingContext's SparkContext")
                .isSameAs(first.sparkContext().sc());
        assertThat(next.ssc().graph().batchDuration())
                .as("the new StreamingContext's batch interval")
                .isEqualTo(Durations.seconds(2));
    }

    // ---- batchLine: what a StreamingListener hears when a batch completes ----

    /** A completed batch at {@code timeMs}, its input streams' records, submitted, started and ended at those times. */
    @SuppressWarnings("unchecked") // Scala's Map.updated shows Java no generic return type
    private static BatchInfo completed(long timeMs, long[] recordsPerStream, long submitted, long started, long ended) {
        scala.collection.immutable.Map<Object, StreamInputInfo> inputs =
                scala.collection.immutable.Map$.MODULE$.<Object, StreamInputInfo>empty();
        for (int id = 0; id < recordsPerStream.length; id++) {
            inputs = inputs.updated(
                    id,
                    new StreamInputInfo(
                            id, recordsPerStream[id], scala.collection.immutable.Map$.MODULE$.<String, Object>empty()));
        }
        return new BatchInfo(
                new Time(timeMs),
                inputs,
                submitted,
                scala.Option.apply((Object) started),
                scala.Option.apply((Object) ended),
                scala.collection.immutable.Map$.MODULE$.<Object, OutputOperationInfo>empty());
    }

    @Test
    void batch_line_reads_the_time_the_records_of_every_input_and_both_delays() {
        BatchInfo twoInputs = completed(3_000, new long[] {6, 4}, 3_002, 3_006, 3_126);
        assertThat(RateTriggersDStream.batchLine(twoInputs))
                .as("batchLine of the batch at 3000 ms: 6 + 4 records from two input streams, submitted at 3002 ms,"
                        + " started at 3006 ms, ended at 3126 ms")
                .isEqualTo("batch at 3000 ms: 10 records in 120 ms (waited 4 ms to start)");
        BatchInfo late = completed(8_000, new long[] {25}, 8_000, 9_500, 10_250);
        assertThat(RateTriggersDStream.batchLine(late))
                .as("batchLine of the batch at 8000 ms: 25 records, submitted at 8000 ms, started at 9500 ms (the"
                        + " batch before it still ran), ended at 10250 ms")
                .isEqualTo("batch at 8000 ms: 25 records in 750 ms (waited 1500 ms to start)");
        BatchInfo empty = completed(5_000, new long[] {0}, 5_001, 5_001, 5_008);
        assertThat(RateTriggersDStream.batchLine(empty))
                .as("batchLine of an empty batch at 5000 ms, submitted and started at 5001 ms, ended at 5008 ms")
                .isEqualTo("batch at 5000 ms: 0 records in 7 ms (waited 0 ms to start)");
    }
}
