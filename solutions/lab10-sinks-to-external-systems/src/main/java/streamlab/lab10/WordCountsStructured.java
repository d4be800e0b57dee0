package streamlab.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.Tokens;

/**
 * Lab 10, Structured Streaming API: the word counts of each micro-batch written to a database with
 * {@code foreachBatch}, exactly once per batch id however often Spark runs the batch, and the running
 * totals written with a {@link TotalsWriter}.
 */
public final class WordCountsStructured {

    private WordCountsStructured() {}

    /** The lines written by {@link #writeBatch} for every micro-batch; the caller adds checkpoint and trigger. */
    public static DataStreamWriter<Row> sink(Dataset<Row> lines, DbSettings db) {
        return lines.writeStream()
                .outputMode("append")
                .foreachBatch((Dataset<Row> batch, Long batchId) -> writeBatch(batch, batchId, db));
    }

    /**
     * Counts the words of one micro-batch and makes them the rows {@code (batchId, word, count)} of
     * {@code db.table()}: the rows of an earlier attempt at the same batch are replaced, and the change
     * is one transaction (all of it or nothing).
     */
    public static void writeBatch(Dataset<Row> lines, long batchId, DbSettings db) throws SQLException {
        List<Row> counts = Tokens.words(lines).groupBy("word").count().collectAsList(); // small: one batch's words
        try (Connection connection = Connections.open(db)) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(WordTables.deleteBatchSql(db.table()));
                    PreparedStatement insert = connection.prepareStatement(WordTables.insertSql(db.table()))) {
                delete.setLong(1, batchId);
                delete.executeUpdate(); // what an earlier attempt at this batch wrote
                for (Row row : counts) {
                    insert.setLong(1, batchId);
                    insert.setString(2, row.getString(0));
                    insert.setLong(3, row.getLong(1));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e; // the query fails and Spark does not commit the batch
            }
        }
    }

    /** The running total of every word, in update mode, written by a {@link TotalsWriter} into {@code db.table()}. */
    public static DataStreamWriter<Row> totalsSink(Dataset<Row> lines, DbSettings db) {
        return Tokens.words(lines)
                .groupBy("word")
                .count()
                .writeStream()
                .outputMode("update")
                .foreach(new TotalsWriter(db));
    }
}
