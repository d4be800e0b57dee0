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
        // TODO: Tokens.words(lines) gives one row per word (column "word"); group by word and count.
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.totals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /** The totals, written in update mode: after each trigger, only the words whose total changed. */
    public static DataStreamWriter<Row> updatedTotals(Dataset<Row> lines) {
        // TODO: start writing the totals (writeStream()) and choose the output mode that sends only the
        //       rows that changed. (The program and the tests add the sink, the trigger and the checkpoint.)
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.updatedTotals: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /**
     * The totals with explicit state ({@code flatMapGroupsWithState}, to be run in update mode):
     * columns {@code word}, {@code count}, one row per word of the trigger's input, with its new total.
     */
    public static Dataset<Row> totalsWithState(Dataset<Row> lines) {
        // TODO 1: the words as a Dataset<String>:
        //           Tokens.words(lines).select("word").as(Encoders.STRING())
        // TODO 2: group them by the word itself:
        //           .groupByKey((MapFunction<String, String>) word -> word, Encoders.STRING())
        // TODO 3: .flatMapGroupsWithState(function, OutputMode.Update(), Encoders.LONG(),
        //             Encoders.tuple(Encoders.STRING(), Encoders.LONG()), GroupStateTimeout.NoTimeout())
        //         where function is a
        //           (FlatMapGroupsWithStateFunction<String, String, Long, Tuple2<String, Long>>)
        //           (word, occurrences, total) -> ...
        //         Spark calls it once per trigger for each word that has new rows: add the number of
        //         occurrences (an Iterator<String>) to the old total (total.exists() ? total.get() : 0L),
        //         total.update(sum), and return an iterator of one Tuple2 (word, sum).
        // TODO 4: name the two columns: .toDF("word", "count").
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.totalsWithState: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }

    /** One row, column {@code words}: how many words have been read so far, all words together. */
    public static Dataset<Row> wordsSoFar(Dataset<Row> lines) {
        // TODO: an aggregation without groupBy gives one row for the whole stream:
        //       Tokens.words(lines).agg(...) with functions.count("*") named "words".
        throw new MissingSolutionException("Lab 02, RunningTotalsStructured.wordsSoFar: the hints are in"
                + " labs/lab02-running-totals/README.md, section Hints.");
    }
}
