package streamlab.lab03;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 03, DStream API: word counts in sliding windows of 5 s that move every 2 s.
 *
 * <p>Input: the lines of 1-second batches. A DStream window is made of whole batches: every 2 s (at
 * t = 2, 4, 6, ... s) it holds the batches of the last 5 s, so the window at t = 6 s is the batches
 * at t = 2, 3, 4, 5 and 6 s (the lines that arrived in (1 s, 6 s]). Where a line falls is decided by
 * when it <em>arrived</em> (processing time), not by anything written in the line.
 */
public final class SlidingWindowsDStream {

    private SlidingWindowsDStream() {}

    /** {@code (word, count)} over the lines of the last 5 s, every 2 s: the whole window counted afresh. */
    public static JavaPairDStream<String, Long> windowCounts(JavaDStream<String> lines) {
        // TODO: every 2 s, produce (word, count) for the words of the lines that arrived in the last 5 s.
        //       Input: the lines, in batches of 1 s. Output: one pair per word of the window, counted afresh.
        //       The idea: a sliding window made of whole batches (processing time), then lab 01's count.
        throw new MissingSolutionException("Lab 03, SlidingWindowsDStream.windowCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }

    /**
     * The same counts, computed incrementally: the previous window's counts, plus the batches that
     * entered, minus the batches that left. A word whose batches all left stays behind with count 0.
     * Needs a checkpoint directory.
     */
    public static JavaPairDStream<String, Long> incrementalCounts(JavaDStream<String> lines) {
        // TODO: the same (word, count) pairs every 2 s over the last 5 s, computed incrementally: the
        //       previous window's counts, plus the batches that entered, minus the batches that left. A word
        //       whose batches all left stays behind with count 0 (the tests expect it).
        //       The idea: a windowed reduce with an inverse function. It needs a checkpoint directory: the
        //       tests and the program set one, this function must not.
        throw new MissingSolutionException("Lab 03, SlidingWindowsDStream.incrementalCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }

    /** {@link #incrementalCounts}, with a filter function that drops the words whose count fell to 0. */
    public static JavaPairDStream<String, Long> incrementalCountsDroppingZeros(JavaDStream<String> lines) {
        // TODO: the same as incrementalCounts, but a word whose count fell to 0 leaves the window's state
        //       (and so the output).
        //       The idea: filter the state that the window keeps, not only what it prints.
        throw new MissingSolutionException(
                "Lab 03, SlidingWindowsDStream.incrementalCountsDroppingZeros: the hints are in"
                        + " labs/lab03-sliding-windows/README.md, section Hints.");
    }
}
