package streamlab.lab05;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.Tokens;

/**
 * Lab 05, Structured Streaming API: count the words of the whole stream, leaving out the words of an
 * exclude table, and report how many words each micro-batch left out.
 *
 * <p>Input: an unbounded table of lines (column {@code value}) and a small static table of the words to
 * leave out (column {@code word}, see {@link ExcludeWords#table}). Output: a table with the columns
 * {@code word} and {@code count}, the counts of the kept words of everything read so far. The query
 * also reports an observed metric named {@value #METRIC} with one column {@code words}: how many words
 * the micro-batch left out.
 */
public final class ExcludeStructured {

    /** The name of the observed metric: the first argument of {@code observe}. */
    public static final String METRIC = "dropped";

    private ExcludeStructured() {}

    public static Dataset<Row> keptCounts(Dataset<Row> lines, Dataset<Row> excludeList) {
        Dataset<Row> words = Tokens.words(lines);
        // A broadcast join: the small table goes whole to every task, the stream is not shuffled.
        // left_outer keeps every word; "excluded" is true for the words of the list, null for the others.
        Dataset<Row> marked =
                words.join(broadcast(excludeList.select(col("word"), lit(true).as("excluded"))), "word", "left_outer");
        return marked
                // count(column) counts the rows where the column is not null: the excluded words
                .observe(METRIC, count(col("excluded")).as("words"))
                .filter(col("excluded").isNull())
                .groupBy("word")
                .count();
    }
}
