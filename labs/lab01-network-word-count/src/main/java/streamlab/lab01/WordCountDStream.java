package streamlab.lab01;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;
import streamlab.support.Tokens;

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
        // TODO 1: turn each line into its words with flatMap. Use the course's rule (see Tokens):
        //         lower-case the line, split it on Tokens.SEPARATORS, drop empty strings.
        //         (Tokens.split(line) does exactly this; try writing it yourself first.)
        // TODO 2: turn each word into a pair (word, 1L) with mapToPair.
        // TODO 3: add up the ones of each word with reduceByKey.
        throw new MissingSolutionException("Lab 01, WordCountDStream.wordCounts: the hints are in"
                + " labs/lab01-network-word-count/README.md, section Hints.");
    }
}
