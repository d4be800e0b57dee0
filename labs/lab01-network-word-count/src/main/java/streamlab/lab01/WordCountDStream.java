package streamlab.lab01;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 01, DStream API: count the words of each batch.
 *
 * <p>Input: the lines that arrived during one batch interval. Output: for every word of those lines,
 * {@code (word, how many times it occurred in this batch)}. A DStream is a sequence of RDDs, one per
 * batch, and this count starts from zero in every batch.
 */
public final class WordCountDStream {

    private WordCountDStream() {}

    public static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> lines) {
        // TODO: input: the lines that arrived during one batch. Output: (word, count) for every word of those
        //       lines, counted in this batch alone: the next batch starts again from zero.
        //       The idea: a DStream is a sequence of RDDs, and its word count is the RDD word count: lines
        //       to words (the course's rule, see Tokens), words to pairs, the pairs summed per word.
        throw new MissingSolutionException("Lab 01, WordCountDStream.wordCounts: the hints are in"
                + " labs/lab01-network-word-count/README.md, section Hints.");
    }
}
