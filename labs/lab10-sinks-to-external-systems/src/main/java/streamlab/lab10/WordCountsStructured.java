package streamlab.lab10;

import java.sql.SQLException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

/**
 * Lab 10, Structured Streaming API: the word counts of each micro-batch written to a database with
 * {@code foreachBatch}, exactly once per batch id however often Spark runs the batch, and the running
 * totals written with a {@link TotalsWriter}.
 *
 * <p>The SQL is given in {@link WordTables}: {@code deleteBatchSql(table)} (parameter 1 batch_id) and
 * {@code insertSql(table)} (1 batch_id, 2 word, 3 count).
 */
public final class WordCountsStructured {

    private WordCountsStructured() {}

    /** The lines written by {@link #writeBatch} for every micro-batch; the caller adds checkpoint and trigger. */
    public static DataStreamWriter<Row> sink(Dataset<Row> lines, DbSettings db) {
        // TODO: output: a writer of the lines, in append mode, that hands every micro-batch and its batch id to
        //       writeBatch. (The caller adds the checkpoint and the trigger.)
        //       The idea: foreachBatch gives each micro-batch as a static Dataset, with its id.
        throw new MissingSolutionException("Lab 10, WordCountsStructured.sink: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /**
     * Counts the words of one micro-batch and makes them the rows {@code (batchId, word, count)} of
     * {@code db.table()}: the rows of an earlier attempt at the same batch are replaced, and the change
     * is one transaction (all of it or nothing).
     */
    public static void writeBatch(Dataset<Row> lines, long batchId, DbSettings db) throws SQLException {
        // TODO: input: one micro-batch of lines and its id. Output: the rows (batchId, word, count) of
        //       db.table() for this batch's word counts, replacing those of an earlier attempt at the same
        //       batch, in one transaction; on an error, nothing is changed and the error is thrown again.
        //       The idea: Spark may run a batch again with the same id: keyed by the batch id and written in
        //       one transaction, the write is idempotent, so exactly once.
        throw new MissingSolutionException("Lab 10, WordCountsStructured.writeBatch: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /** The running total of every word, in update mode, written by a {@link TotalsWriter} into {@code db.table()}. */
    public static DataStreamWriter<Row> totalsSink(Dataset<Row> lines, DbSettings db) {
        // TODO: output: a writer of the running total of every word, in update mode, written by a
        //       TotalsWriter into db.table().
        //       The idea: a streaming aggregation written row by row with a ForeachWriter.
        throw new MissingSolutionException("Lab 10, WordCountsStructured.totalsSink: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
