package streamlab.lab05;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: one row per word: Tokens.words(lines) (column "word").
        // TODO 2: mark the excluded words with a broadcast join against the small table:
        //         words.join(functions.broadcast(excludeList with a column "excluded" = lit(true)), "word",
        //         "left_outer") keeps every word; "excluded" is true for the listed ones, null for the rest.
        //         (A "left_anti" join keeps only the other words, but then nothing is left to count.)
        // TODO 3: count the excluded words of each micro-batch with observe(METRIC, ...as("words")):
        //         count(col("excluded")) counts the rows where it is not null.
        // TODO 4: keep the rows where "excluded" is null, then groupBy("word").count().
        throw new MissingSolutionException("Lab 05, ExcludeStructured.keptCounts: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
