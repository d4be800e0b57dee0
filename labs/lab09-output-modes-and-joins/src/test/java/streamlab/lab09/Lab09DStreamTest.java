package streamlab.lab09;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab09.Activity.reading;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.harness.StreamResult;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * Batches of 1 s. The two-stream tests feed a phone stream and a watch stream of (user, activity)
 * pairs from two queues, one RDD of each per batch.
 */
@LabTest(lab = "09", api = Api.DSTREAM)
class Lab09DStreamTest {

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String exercise, List<String>... batches) {
        return DStreamScript.lines(batches).title("Lab 09 ActivityDStream." + exercise);
    }

    @Test
    void sql_on_each_batch_counts_the_readings_of_each_activity_in_that_batch() {
        script(
                        "sqlCounts",
                        List.of(
                                reading("a", "sit", "s3", 0),
                                reading("b", "sit", "s3", 0),
                                reading("c", "walk", "s3", 0),
                                reading("a", "sit", "nexus4", 0)),
                        List.of(),
                        List.of(
                                reading("a", "walk", "s3", 0),
                                reading("b", null, "s3", 0),
                                reading("c", null, "s3", 0)))
                .run(ActivityDStream::sqlCounts)
                .assertBatches(
                        rows(row("sit", 3), row("walk", 1)),
                        none(),
                        rows(row("walk", 1), row(null, 2))); // each batch on its own: no running total
    }

    @Test
    void a_transform_joins_each_batch_with_the_static_descriptions() {
        JavaPairRDD<String, String> descriptions = TestSpark.context()
                .parallelizePairs(
                        List.of(
                                new Tuple2<>("sit", "sitting"),
                                new Tuple2<>("stairsup", "on stairs"),
                                new Tuple2<>("stairsdown", "on stairs")),
                        2);
        script(
                        "describedCounts",
                        List.of("sit", "stairsup", "bike", "stairsdown", "sit", "stairsup"),
                        List.of("bike"),
                        List.of("stairsdown", "sit"))
                .runPairs(lines -> ActivityDStream.describedCounts(lines, descriptions))
                .assertBatches(
                        rows(row("sitting", 2), row("on stairs", 3)), // bike has no description
                        none(),
                        rows(row("sitting", 1), row("on stairs", 1)));
    }

    @Test
    void update_state_by_key_keeps_a_running_count_of_every_activity() {
        script("runningCounts", List.of("sit", "walk", "sit", "sit"), List.of(), List.of("walk", "bike", "walk"))
                .checkpointing()
                .runPairs(ActivityDStream::runningCounts)
                .assertBatches(
                        rows(row("sit", 3), row("walk", 1)),
                        rows(row("sit", 3), row("walk", 1)),
                        rows(row("sit", 3), row("walk", 3), row("bike", 1)));
    }

    /** Batch k of the result: the join of batch k of {@code phone} with batch k of {@code watch}. */
    private static StreamResult twoStreams(
            String exercise,
            BiFunction<JavaPairDStream<String, String>, JavaPairDStream<String, String>, JavaPairDStream<String, ?>>
                    join,
            List<List<Tuple2<String, String>>> phone,
            List<List<Tuple2<String, String>>> watch) {
        DStreamScript<Object> script = DStreamScript.<Object>from(
                        ssc -> join.apply(queue(ssc, phone), queue(ssc, watch))
                                .toJavaDStream()
                                .map(pair -> (Object) pair))
                .title("Lab 09 StreamJoinsDStream." + exercise);
        for (int k = 0; k < phone.size(); k++) {
            script.then("phone " + phone.get(k) + ", watch " + watch.get(k), t -> {});
        }
        return script.run(pairs -> pairs);
    }

    private static JavaPairDStream<String, String> queue(
            JavaStreamingContext ssc, List<List<Tuple2<String, String>>> batches) {
        Queue<JavaRDD<Tuple2<String, String>>> queue = new LinkedList<>();
        for (List<Tuple2<String, String>> batch : batches) {
            queue.add(ssc.sparkContext().parallelize(batch, 2));
        }
        return JavaPairDStream.fromJavaDStream(ssc.queueStream(queue, true));
    }

    private static Tuple2<String, String> pair(String user, String activity) {
        return new Tuple2<>(user, activity);
    }

    private static final List<List<Tuple2<String, String>>> PHONE = List.of(
            List.of(pair("a", "walk"), pair("b", "sit"), pair("a", "bike")), List.of(pair("c", "sit")), List.of());
    private static final List<List<Tuple2<String, String>>> WATCH = List.of(
            List.of(pair("a", "walk"), pair("d", "stand")),
            List.of(),
            List.of(pair("c", "sit"))); // c's phone pair came one batch earlier: no match

    @Test
    void join_matches_the_pairs_of_the_same_user_in_the_same_batch() {
        twoStreams("joined", StreamJoinsDStream::joined, PHONE, WATCH)
                .assertBatches(rows(row("a", row("walk", "walk")), row("a", row("bike", "walk"))), none(), none());
    }

    @Test
    void left_outer_join_keeps_every_phone_pair() {
        twoStreams("leftJoined", StreamJoinsDStream::leftJoined, PHONE, WATCH)
                .assertBatches(
                        rows(
                                row("a", row("walk", Optional.of("walk"))),
                                row("a", row("bike", Optional.of("walk"))),
                                row("b", row("sit", Optional.empty()))),
                        rows(row("c", row("sit", Optional.empty()))),
                        none());
    }

    @Test
    void full_outer_join_keeps_every_pair_of_both_streams() {
        twoStreams("fullJoined", StreamJoinsDStream::fullJoined, PHONE, WATCH)
                .assertBatches(
                        rows(
                                row("a", row(Optional.of("walk"), Optional.of("walk"))),
                                row("a", row(Optional.of("bike"), Optional.of("walk"))),
                                row("b", row(Optional.of("sit"), Optional.empty())),
                                row("d", row(Optional.empty(), Optional.of("stand")))),
                        rows(row("c", row(Optional.of("sit"), Optional.empty()))),
                        rows(row("c", row(Optional.empty(), Optional.of("sit")))));
    }

    @Test
    void a_join_over_windows_of_two_batches_matches_pairs_one_batch_apart_and_repeats_them_while_they_stay() {
        // then pairs two batches apart, either stream first: out of a window of two batches, no match
        List<List<Tuple2<String, String>>> phone = new ArrayList<>(PHONE);
        phone.addAll(List.of(List.of(pair("e", "run")), List.of(), List.of(pair("f", "lie"))));
        List<List<Tuple2<String, String>>> watch = new ArrayList<>(WATCH);
        watch.addAll(List.of(List.of(pair("f", "lie")), List.of(), List.of(pair("e", "run"))));
        twoStreams("windowJoined", StreamJoinsDStream::windowJoined, phone, watch)
                .assertBatches(
                        rows(row("a", row("walk", "walk")), row("a", row("bike", "walk"))),
                        rows(row("a", row("walk", "walk")), row("a", row("bike", "walk"))), // still in both windows
                        rows(row("c", row("sit", "sit"))), // one batch apart
                        none(),
                        none(),
                        none()); // two batches apart
    }
}
