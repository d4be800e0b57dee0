package streamlab.lab02;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

/**
 * Lab 02, Structured Streaming API: the same running totals, kept by Spark or by you.
 *
 * <p>An aggregation over a stream is already a running total: Spark keeps its state in the query's
 * checkpoint location. The output mode says what leaves the query after each trigger. With
 * {@code flatMapGroupsWithState} you write the state update yourself, like {@code mapWithState}.
 */
public final class RunningTotalsStructured {

    private RunningTotalsStructured() {}

    /** Columns {@code word}, {@code count}: the total of each word over everything read so far. */
    public static Dataset<Row> totals(Dataset<Row> lines) {
        // TODO: input: a table of lines (column value). Output: the columns word and count, the total of
        //       each word over everything read so far.
        //       The idea: an aggregation over a stream is already a running total.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.totals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /** The totals, written in update mode: after each trigger, only the words whose total changed. */
    public static DataStreamWriter<Row> updatedTotals(Dataset<Row> lines) {
        // TODO: output: a writer of the totals that sends, after each trigger, only the words whose total
        //       changed. (The program and the tests add the sink, the trigger and the checkpoint.)
        //       The idea: the output mode decides which rows of the result leave the query.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.updatedTotals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * The totals with explicit state ({@code flatMapGroupsWithState}, to be run in update mode):
     * columns {@code word}, {@code count}, one row per word of the trigger's input, with its new total.
     */
    public static Dataset<Row> totalsWithState(Dataset<Row> lines) {
        // TODO: input: a table of lines. Output: the columns word and count, one row per word of the
        //       trigger's input, with its new total (it runs in update mode).
        //       The idea: a state per group that you update yourself, as mapWithState does for DStreams.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.totalsWithState: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * Columns {@code word}, {@code lastSeen}: each word with the latest {@code timestamp} of the lines it came
     * in, for update mode (a word is written again in each trigger it comes in).
     */
    public static Dataset<Row> lastSeen(Dataset<Row> lines) {
        // TODO: input: lines with the time they came (columns value, timestamp). Output: the columns word and
        //       lastSeen: each word with the latest timestamp of the lines it came in.
        //       The idea: an aggregation keeps state too, and its state need not be a count.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.lastSeen: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /** One row, column {@code words}: how many words have been read so far, all words together. */
    public static Dataset<Row> wordsSoFar(Dataset<Row> lines) {
        // TODO: output: one row, column words: how many words have been read so far, all words together.
        //       The idea: an aggregation without a grouping key gives one row for the whole stream.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.wordsSoFar: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }
}
