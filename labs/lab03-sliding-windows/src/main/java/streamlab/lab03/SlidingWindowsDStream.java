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
        // TODO 1: make a windowed stream of the lines: lines.window(window length, slide), with
        //         Durations.seconds(...). Both must be multiples of the batch interval (1 s here).
        // TODO 2: count the words of each window as in lab 01: flatMap with Tokens.split(line),
        //         mapToPair to (word, 1L), reduceByKey(Long::sum).
        throw new MissingSolutionException("Lab 03, SlidingWindowsDStream.windowCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }

    /**
     * The same counts, computed incrementally: the previous window's counts, plus the batches that
     * entered, minus the batches that left. A word whose batches all left stays behind with count 0.
     * Needs a checkpoint directory.
     */
    public static JavaPairDStream<String, Long> incrementalCounts(JavaDStream<String> lines) {
        // TODO 3: make the (word, 1L) pairs of every batch (no window() this time), then
        //         reduceByKeyAndWindow(reduce, inverse reduce, window length, slide):
        //         the reduce function adds the batches that enter the window,
        //         the inverse function takes away the batches that leave it.
        throw new MissingSolutionException("Lab 03, SlidingWindowsDStream.incrementalCounts: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }

    /** {@link #incrementalCounts}, with a filter function that drops the words whose count fell to 0. */
    public static JavaPairDStream<String, Long> incrementalCountsDroppingZeros(JavaDStream<String> lines) {
        // TODO 4: the same reduceByKeyAndWindow, in its longer form that also takes the number of
        //         partitions and a filter function: reduceByKeyAndWindow(reduce, inverse, window, slide,
        //         numPartitions, filterFunc). filterFunc gets each (word, count) and keeps it when it
        //         returns true. For numPartitions: lines.context().sparkContext().defaultParallelism().
        throw new MissingSolutionException("Lab 03, SlidingWindowsDStream.incrementalCountsDroppingZeros: the hints are in"
                + " labs/lab03-sliding-windows/README.md, section Hints.");
    }
}
