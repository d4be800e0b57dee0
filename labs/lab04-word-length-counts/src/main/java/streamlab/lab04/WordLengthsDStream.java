package streamlab.lab04;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;
import streamlab.support.Tokens;

/**
 * Lab 04, DStream API: how many words of each length arrived in the last 5 s, every 2 s, and how many
 * words were read in all.
 *
 * <p>Input: the lines of 1-second batches. The length of a word is its number of characters (Unicode
 * code points) as {@link Tokens#split} gives it: {@code "hello"} 5, {@code "don't"} 5, {@code "東京"} 2.
 */
public final class WordLengthsDStream {

    private WordLengthsDStream() {}

    /** {@code (length, number of words of that length)} over the lines of the last 5 s, every 2 s. */
    public static JavaPairDStream<Integer, Long> lengthCounts(JavaDStream<String> lines) {
        // TODO 1: a window of 5 s that slides every 2 s over the lines (lab 03: lines.window(...)).
        // TODO 2: the words of the window with Tokens.split, each as a pair (its length, 1L).
        //         Length = number of characters: word.codePointCount(0, word.length()).
        //         (word.length() counts UTF-16 units: a character outside the Basic Multilingual
        //         Plane, such as 𠮷, counts 2.)
        // TODO 3: add up the ones of each length with reduceByKey.
        throw new MissingSolutionException("Lab 04, WordLengthsDStream.lengthCounts: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }

    /**
     * The number of words read since the start: exactly one number after every batch, 0 until the
     * first word. Needs a checkpoint directory.
     */
    public static JavaDStream<Long> totalWords(JavaDStream<String> lines) {
        // TODO 4: count from the lines themselves, not from the windows (why? see the README).
        //         The words of this batch: flatMap(Tokens.split), then count(), which gives one
        //         element per batch (0 when there are none).
        // TODO 5: give that number one and the same key, ("words", n), and keep the running sum with
        //         updateStateByKey((List<Long> thisBatch, Optional<Long> total) -> ...): the new total is
        //         the old one (total.orElse(0L)) plus this batch's. Optional is org.apache.spark.api.java.Optional.
        // TODO 6: keep only the number: map(Tuple2::_2).
        throw new MissingSolutionException("Lab 04, WordLengthsDStream.totalWords: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }
}
