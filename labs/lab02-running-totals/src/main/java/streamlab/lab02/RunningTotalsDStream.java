package streamlab.lab02;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: the words of the lines: lines.flatMap(line -> Tokens.split(line).iterator()).
        // TODO 2: a pair (word, 1L) for each word (mapToPair).
        // TODO 3: updateStateByKey with an update function (List<Long> newValues, Optional<Long> total)
        //         -> Optional<Long>: the previous total (or 0 when there is none yet) plus the new values.
        //         Optional is org.apache.spark.api.java.Optional. Spark calls the function for every word
        //         it knows, also when newValues is empty; what you return is the word's new state
        //         (Optional.empty() would forget the word).
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.totals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * With {@code mapWithState}: after every batch, {@code (word, total so far)} only for the words of
     * <em>this</em> batch, one pair per word. An empty batch gives nothing.
     */
    public static JavaPairDStream<String, Long> updatedTotals(JavaDStream<String> lines) {
        // TODO 1: the words and their count in this batch: flatMap, mapToPair to (word, 1L), reduceByKey.
        //         (mapWithState calls its function once per pair it receives: without reduceByKey a word
        //         that came three times would give three pairs.)
        // TODO 2: a mapping function, with the parameter types written out:
        //           (String word, Optional<Long> countInBatch, State<Long> total) -> { ... }
        //         read the old total (total.exists() ? total.get() : 0L), add the count, store the sum
        //         with total.update(sum) and return new Tuple2<>(word, sum).
        // TODO 3: pairs.mapWithState(StateSpec.function(yourFunction)) gives a DStream of what the function
        //         returned; JavaPairDStream.fromJavaDStream(...) turns it into pairs.
        //         (Its stateSnapshots() would give every word's total, like updateStateByKey.)
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.updatedTotals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * The number of words read since the start, all words together: exactly one value per batch, 0 until
     * the first word arrives.
     */
    public static JavaDStream<Long> wordsSoFar(JavaDStream<String> lines) {
        // TODO 1: the number of words in this batch: flatMap the lines into words, then count().
        //         count() gives one element per batch, also 0 for an empty batch.
        // TODO 2: give that number one fixed key (mapToPair(n -> new Tuple2<>("all words", n))) and keep
        //         a running sum with updateStateByKey, as in totals.
        // TODO 3: keep only the number: map(Tuple2::_2).
        // (Why not an accumulator? See the questions in the README.)
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.wordsSoFar: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }
}
