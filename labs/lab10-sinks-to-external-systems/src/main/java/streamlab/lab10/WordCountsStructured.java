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
        // TODO: lines.writeStream().outputMode("append").foreachBatch((Dataset<Row> batch, Long batchId) ->
        //       writeBatch(batch, batchId, db)). (Give the lambda's parameter types: without them Java cannot
        //       choose between foreachBatch's Java and Scala versions.)
        throw new MissingSolutionException("Lab 10, WordCountsStructured.sink: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /**
     * Counts the words of one micro-batch and makes them the rows {@code (batchId, word, count)} of
     * {@code db.table()}: the rows of an earlier attempt at the same batch are replaced, and the change
     * is one transaction (all of it or nothing).
     */
    public static void writeBatch(Dataset<Row> lines, long batchId, DbSettings db) throws SQLException {
        // TODO 1: count the words of this micro-batch, a static Dataset: Tokens.words(lines).groupBy("word")
        //         .count(), and collectAsList(): one batch's counts are small, and one connection on the
        //         driver can then write them all in one transaction.
        // TODO 2: Spark runs a batch again after a failure, with the same batchId, if it was not committed
        //         to the checkpoint: a crash after your write, before Spark's commit, runs it twice. So:
        //         open one connection (Connections.open(db)), setAutoCommit(false), delete the rows of
        //         batchId (WordTables.deleteBatchSql), insert the counts (WordTables.insertSql, addBatch,
        //         executeBatch), commit(). All or nothing: on an exception, rollback() and throw it again
        //         (never swallow it: Spark must see the batch fail, or it commits it as written).
        throw new MissingSolutionException("Lab 10, WordCountsStructured.writeBatch: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /** The running total of every word, in update mode, written by a {@link TotalsWriter} into {@code db.table()}. */
    public static DataStreamWriter<Row> totalsSink(Dataset<Row> lines, DbSettings db) {
        // TODO: Tokens.words(lines).groupBy("word").count(), then writeStream() in "update" mode (each epoch sends
        //       only the words whose total changed) and .foreach(new TotalsWriter(db)).
        throw new MissingSolutionException("Lab 10, WordCountsStructured.totalsSink: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
