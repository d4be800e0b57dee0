package streamlab.lab02;

import java.util.List;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 02, DStream API: running totals that carry over from one batch to the next.
 *
 * <p>A DStream computes each batch on its own (lab 01). To count over the whole stream, Spark keeps a
 * <em>state</em> per key: an RDD of {@code (word, total)} that every batch updates and that is saved to
 * the checkpoint directory now and then, so it survives a failure. All three functions need
 * {@code ssc.checkpoint(dir)}; without it the context refuses to start.
 */
public final class RunningTotalsDStream {

    private RunningTotalsDStream() {}

    /**
     * With {@code updateStateByKey}: after every batch, {@code (word, total so far)} for <em>every</em>
     * word read since the start, including words that did not come again in this batch.
     */
    public static JavaPairDStream<String, Long> totals(JavaDStream<String> lines) {
        return wordsOf(lines).mapToPair(word -> new Tuple2<>(word, 1L)).updateStateByKey(RunningTotalsDStream::addUp);
    }

    /**
     * With {@code mapWithState}: after every batch, {@code (word, total so far)} only for the words of
     * <em>this</em> batch, one pair per word. An empty batch gives nothing.
     */
    public static JavaPairDStream<String, Long> updatedTotals(JavaDStream<String> lines) {
        JavaPairDStream<String, Long> batchCounts = wordsOf(lines)
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum); // one call of the mapping function per word, not per occurrence
        StateSpec<String, Long, Long, Tuple2<String, Long>> spec = StateSpec.function(RunningTotalsDStream::addToTotal);
        return JavaPairDStream.fromJavaDStream(batchCounts.mapWithState(spec));
    }

    /**
     * The number of words read since the start, all words together: exactly one value per batch, 0 until
     * the first word arrives.
     */
    public static JavaDStream<Long> wordsSoFar(JavaDStream<String> lines) {
        return wordsOf(lines)
                .count() // one element per batch, 0 for an empty batch
                .mapToPair(n -> new Tuple2<>("all words", n))
                .updateStateByKey(RunningTotalsDStream::addUp)
                .map(Tuple2::_2);
    }

    /** The update function of updateStateByKey: this batch's values plus the previous total. */
    /**
     * Each word read so far with the time of the last batch it came in (milliseconds): every word in every
     * batch, as updateStateByKey gives them. A word that does not come in a batch keeps its time.
     */
    public static JavaPairDStream<String, Long> lastSeen(JavaDStream<String> lines) {
        return lines.transformToPair(
                        (rdd, time) -> rdd.flatMap(line -> Tokens.split(line).iterator())
                                .mapToPair(word ->
                                        new Tuple2<>(word, time.milliseconds()))) // the batch's time, not the clock's
                .updateStateByKey(RunningTotalsDStream::latest);
    }

    private static Optional<Long> latest(List<Long> timesInBatch, Optional<Long> last) {
        long latest = last.orElse(Long.MIN_VALUE);
        for (long time : timesInBatch) {
            latest = Math.max(latest, time);
        }
        return Optional.of(latest); // no new time: the last one stays
    }

    private static Optional<Long> addUp(List<Long> newValues, Optional<Long> total) {
        long sum = total.orElse(0L);
        for (long n : newValues) {
            sum += n;
        }
        return Optional.of(sum);
    }

    /** The mapping function of mapWithState: called once per word of the batch. */
    private static Tuple2<String, Long> addToTotal(String word, Optional<Long> countInBatch, State<Long> total) {
        long sum = (total.exists() ? total.get() : 0L) + countInBatch.orElse(0L);
        total.update(sum);
        return new Tuple2<>(word, sum);
    }

    private static JavaDStream<String> wordsOf(JavaDStream<String> lines) {
        return lines.flatMap(line -> Tokens.split(line).iterator());
    }
}
