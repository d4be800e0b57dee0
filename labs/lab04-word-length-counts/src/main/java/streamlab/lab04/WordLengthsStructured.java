package streamlab.lab04;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;
import streamlab.support.Tokens;

/**
 * Lab 04, Structured Streaming API: how many words of each length have an event time in each window of
 * 5 s every 2 s, and how many words were read in all.
 *
 * <p>Input: lines with their event time (columns {@code value}, {@code timestamp}). The length of a
 * word is its number of characters (Unicode code points, which is what Spark SQL's {@code length}
 * counts) as {@link Tokens#words} gives it: {@code "hello"} 5, {@code "don't"} 5, {@code "東京"} 2.
 */
public final class WordLengthsStructured {

    /** How far behind the latest event time the windowed counts still accept a late line. */
    public static final String WATERMARK_DELAY = "2 seconds";

    private WordLengthsStructured() {}

    /**
     * Columns {@code window} (a struct start, end), {@code length}, {@code count}; with a watermark of
     * {@value #WATERMARK_DELAY}, so it runs in append mode (each window once, when it is final) as
     * well as in complete or update mode.
     */
    public static Dataset<Row> lengthCounts(Dataset<Row> lines) {
        // TODO: input: lines with their event time (value, timestamp). Output: the columns window, length
        //       and count: how many words of each length have an event time in each window of 5 s every 2 s,
        //       with a watermark of WATERMARK_DELAY.
        //       The idea: lab 03's event-time windows, grouped by a computed column.
        throw new MissingSolutionException("Lab 04, WordLengthsStructured.lengthCounts: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }

    /**
     * One row with one column {@code words}: the number of words read since the start. A global
     * aggregation (no grouping key): run it in complete or update mode.
     */
    public static Dataset<Row> totalWords(Dataset<Row> lines) {
        // TODO: output: one row, one column words: the number of words read since the start.
        //       The idea: a global aggregation, with no grouping key.
        throw new MissingSolutionException("Lab 04, WordLengthsStructured.totalWords: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }
}
