package streamlab.lab03;

import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

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
        return lines.window(Durations.seconds(5), Durations.seconds(2))
                .flatMap(line -> Tokens.split(line).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum);
    }

    /**
     * The same counts, computed incrementally: the previous window's counts, plus the batches that
     * entered, minus the batches that left. A word whose batches all left stays behind with count 0.
     * Needs a checkpoint directory.
     */
    public static JavaPairDStream<String, Long> incrementalCounts(JavaDStream<String> lines) {
        return words(lines)
                .reduceByKeyAndWindow(
                        Long::sum, (count, leaving) -> count - leaving, Durations.seconds(5), Durations.seconds(2));
    }

    /** {@link #incrementalCounts}, with a filter function that drops the words whose count fell to 0. */
    public static JavaPairDStream<String, Long> incrementalCountsDroppingZeros(JavaDStream<String> lines) {
        int partitions = lines.context().sparkContext().defaultParallelism();
        return words(lines)
                .reduceByKeyAndWindow(
                        Long::sum,
                        (count, leaving) -> count - leaving,
                        Durations.seconds(5),
                        Durations.seconds(2),
                        partitions,
                        wordCount -> wordCount._2() > 0);
    }

    private static JavaPairDStream<String, Long> words(JavaDStream<String> lines) {
        return lines.flatMap(line -> Tokens.split(line).iterator()).mapToPair(word -> new Tuple2<>(word, 1L));
    }
}
