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
        // TODO 1: a watermark on the lines: withWatermark("timestamp", WATERMARK_DELAY) (lab 03).
        // TODO 2: the words with Tokens.words(...), and a column "length": functions.length(col("word"))
        //         (it counts characters, as the DStream side does).
        // TODO 3: groupBy(window(col("timestamp"), "5 seconds", "2 seconds"), col("length")).count().
        throw new MissingSolutionException("Lab 04, WordLengthsStructured.lengthCounts: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }

    /**
     * One row with one column {@code words}: the number of words read since the start. A global
     * aggregation (no grouping key): run it in complete or update mode.
     */
    public static Dataset<Row> totalWords(Dataset<Row> lines) {
        // TODO 4: the words with Tokens.words(lines), then an aggregation over the whole table, with
        //         no groupBy: agg(functions.count(col("word")).as("words")).
        throw new MissingSolutionException("Lab 04, WordLengthsStructured.totalWords: the hints are in"
                + " labs/lab04-word-length-counts/README.md, section Hints.");
    }
}
