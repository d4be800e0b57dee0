package streamlab.lab09;

import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Lab 09, DStream API: joining two streams of {@code (user, activity)} pairs, one from a phone and one
 * from a watch. A DStream join is batch by batch: it joins the RDD of batch k of one stream with the
 * RDD of batch k of the other, so only pairs that arrived in the same batch can match.
 */
public final class StreamJoinsDStream {

    private StreamJoinsDStream() {}

    /** {@code (user, (phone activity, watch activity))} for every pair of the same user in the same batch. */
    public static JavaPairDStream<String, Tuple2<String, String>> joined(
            JavaPairDStream<String, String> phone, JavaPairDStream<String, String> watch) {
        return phone.join(watch);
    }

    /** Every phone pair, with the watch activities of the same batch, or {@code Optional.empty()} when there is none. */
    public static JavaPairDStream<String, Tuple2<String, Optional<String>>> leftJoined(
            JavaPairDStream<String, String> phone, JavaPairDStream<String, String> watch) {
        return phone.leftOuterJoin(watch);
    }

    /** Every phone pair and every watch pair, matched where they can be: the missing side is {@code Optional.empty()}. */
    public static JavaPairDStream<String, Tuple2<Optional<String>, Optional<String>>> fullJoined(
            JavaPairDStream<String, String> phone, JavaPairDStream<String, String> watch) {
        return phone.fullOuterJoin(watch);
    }

    /**
     * The inner join over windows of the last 2 s (2 batches), sliding every batch: pairs up to one batch
     * apart match, and a pair that stays in both windows is joined again at the next batch.
     */
    public static JavaPairDStream<String, Tuple2<String, String>> windowJoined(
            JavaPairDStream<String, String> phone, JavaPairDStream<String, String> watch) {
        return phone.window(Durations.seconds(2)).join(watch.window(Durations.seconds(2)));
    }
}
