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
        // TODO: input: the lines (column value) and a small static table of the words to leave out (column
        //       word). Output: the columns word and count, for the kept words of everything read so far. The
        //       query also reports the observed metric METRIC, one column words: how many words this
        //       micro-batch left out.
        //       The idea: a broadcast join with a small static table, and a metric the query computes itself.
        throw new MissingSolutionException("Lab 05, ExcludeStructured.keptCounts: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
