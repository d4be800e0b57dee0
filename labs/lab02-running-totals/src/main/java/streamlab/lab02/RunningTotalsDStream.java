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
        // TODO: input: the lines of each batch. Output: after every batch, (word, total so far) for every
        //       word read since the start, also the words that did not come again in this batch.
        //       The idea: a state per word that every batch updates, kept by Spark from batch to batch.
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.totals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * With {@code mapWithState}: after every batch, {@code (word, total so far)} only for the words of
     * <em>this</em> batch, one pair per word. An empty batch gives nothing.
     */
    public static JavaPairDStream<String, Long> updatedTotals(JavaDStream<String> lines) {
        // TODO: input: the lines of each batch. Output: after every batch, (word, total so far) only for the
        //       words of this batch, one pair per word; an empty batch gives nothing.
        //       The idea: a state per word updated by your own function, called only for the words that came.
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.updatedTotals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * Each word read so far with the time of the last batch it came in (milliseconds): every word in every
     * batch, as updateStateByKey gives them. A word that does not come in a batch keeps its time.
     */
    public static JavaPairDStream<String, Long> lastSeen(JavaDStream<String> lines) {
        // TODO: input: the lines of each batch. Output: every word read so far, with the time (ms) of the last
        //       batch it came in; in every batch, also for the words that did not come in it.
        //       The idea: the state of a key need not be a count; and a batch has its own time, which is not
        //       the clock's.
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.lastSeen: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * The number of words read since the start, all words together: exactly one value per batch, 0 until
     * the first word arrives.
     */
    public static JavaDStream<Long> wordsSoFar(JavaDStream<String> lines) {
        // TODO: input: the lines of each batch. Output: exactly one number per batch: how many words have
        //       been read since the start, all words together (0 until the first word).
        //       The idea: a running total of a per-batch count, kept as state under one fixed key.
        throw new MissingSolutionException("Lab 02, RunningTotalsDStream.wordsSoFar: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }
}
