package streamlab.lab02;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import scala.Tuple2;
import streamlab.support.Tokens;

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
        return Tokens.words(lines).groupBy("word").count();
    }

    /** The totals, written in update mode: after each trigger, only the words whose total changed. */
    public static DataStreamWriter<Row> updatedTotals(Dataset<Row> lines) {
        return totals(lines).writeStream().outputMode("update");
    }

    /**
     * The totals with explicit state ({@code flatMapGroupsWithState}, to be run in update mode):
     * columns {@code word}, {@code count}, one row per word of the trigger's input, with its new total.
     */
    public static Dataset<Row> totalsWithState(Dataset<Row> lines) {
        Dataset<String> words = Tokens.words(lines).select(col("word")).as(Encoders.STRING());
        return words.groupByKey((MapFunction<String, String>) word -> word, Encoders.STRING())
                .flatMapGroupsWithState(
                        (FlatMapGroupsWithStateFunction<String, String, Long, Tuple2<String, Long>>)
                                RunningTotalsStructured::addToTotal,
                        OutputMode.Update(),
                        Encoders.LONG(),
                        Encoders.tuple(Encoders.STRING(), Encoders.LONG()),
                        GroupStateTimeout.NoTimeout())
                .toDF("word", "count");
    }

    /**
     * Columns {@code word}, {@code lastSeen}: each word with the latest {@code timestamp} of the lines it came
     * in, for update mode (a word is written again in each trigger it comes in).
     */
    public static Dataset<Row> lastSeen(Dataset<Row> lines) {
        return Tokens.words(lines).groupBy("word").agg(max("timestamp").as("lastSeen"));
    }

    /** One row, column {@code words}: how many words have been read so far, all words together. */
    public static Dataset<Row> wordsSoFar(Dataset<Row> lines) {
        return Tokens.words(lines).agg(count("*").as("words"));
    }

    /** Called once per trigger for each word that has new rows: add them to the word's total. */
    private static Iterator<Tuple2<String, Long>> addToTotal(
            String word, Iterator<String> occurrences, GroupState<Long> total) {
        long sum = total.exists() ? total.get() : 0L;
        while (occurrences.hasNext()) {
            occurrences.next();
            sum++;
        }
        total.update(sum);
        return List.of(new Tuple2<>(word, sum)).iterator();
    }
}
