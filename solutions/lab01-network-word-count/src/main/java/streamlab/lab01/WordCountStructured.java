package streamlab.lab01;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.split;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.Tokens;

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
        Dataset<Row> words = lines.select(
                        explode(split(lower(col("value")), Tokens.SEPARATORS)).as("word"))
                .filter(col("word").notEqual(""));
        return words.groupBy("word").count();
    }
}
