package streamlab.lab01;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;

/**
 * Lab 01, Structured Streaming API: count the words of the whole stream.
 *
 * <p>Input: an unbounded table of lines (a string column {@code value}). Output: a table with the
 * columns {@code word} (string) and {@code count} (long). The query is written as if the table were
 * static; Spark keeps the counts up to date as lines arrive, and the output mode of the sink decides
 * what is sent out after each trigger (the whole table, or only the rows that changed).
 */
public final class WordCountStructured {

    private WordCountStructured() {}

    public static Dataset<Row> wordCounts(Dataset<Row> lines) {
        // TODO: input: an unbounded table of lines (column value). Output: the columns word and count, the
        //       counts of every word read since the start.
        //       The idea: write the query as if the table were static (a column of words without empty ones,
        //       one group per word); Spark keeps the result up to date as lines arrive.
        throw new MissingSolutionException("Lab 01, WordCountStructured.wordCounts: the hints are in"
                + " labs/lab01-network-word-count/README.md, section Hints.");
    }
}
