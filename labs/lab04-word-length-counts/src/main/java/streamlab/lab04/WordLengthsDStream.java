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
        // TODO: input: the lines of 1-second batches. Output: every 2 s, (length, number of words of that
        //       length) over the lines of the last 5 s. A word's length is its number of characters (code
        //       points), not of UTF-16 units.
        //       The idea: lab 03's sliding window with another key: the word's length instead of the word.
        throw new MissingSolutionException("Lab 04, WordLengthsDStream.lengthCounts: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }

    /**
     * The number of words read since the start: exactly one number after every batch, 0 until the
     * first word. Needs a checkpoint directory.
     */
    public static JavaDStream<Long> totalWords(JavaDStream<String> lines) {
        // TODO: output: one number after every batch: the words read since the start (0 until the first
        //       word). Count from the lines themselves, not from the windows (the README says why).
        //       The idea: a running total kept as state under one key (lab 02).
        throw new MissingSolutionException("Lab 04, WordLengthsDStream.totalWords: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }
}
