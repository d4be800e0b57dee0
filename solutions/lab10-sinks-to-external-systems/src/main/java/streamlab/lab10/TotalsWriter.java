package streamlab.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * Lab 10, Structured Streaming API: a {@link ForeachWriter} that sets the running totals of the words
 * (rows {@code word}, {@code count}) in a totals table with {@link WordTables#mergeTotalSql}.
 *
 * <p>Spark makes a copy of this object for every partition of every epoch (micro-batch), on the executor,
 * and calls {@code open}, then {@code process} for each row, then {@code close}.
 */
public final class TotalsWriter extends ForeachWriter<Row> {

    private final DbSettings db;
    private transient Connection connection;
    private transient PreparedStatement merge;

    public TotalsWriter(DbSettings db) {
        this.db = db;
    }

    @Override
    public boolean open(long partitionId, long epochId) {
        try {
            connection = Connections.open(db);
            connection.setAutoCommit(false);
            merge = connection.prepareStatement(WordTables.mergeTotalSql(db.table()));
            return true; // write this partition (false would skip it)
        } catch (SQLException e) {
            closeConnection(); // Spark calls no close() after an open() that threw
            throw new IllegalStateException(Connections.explain(e, db), e);
        }
    }

    @Override
    public void process(Row row) {
        try {
            merge.setString(1, row.getAs("word"));
            merge.setLong(2, row.<Long>getAs("count"));
            merge.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(Connections.explain(e, db), e);
        }
    }

    @Override
    public void close(Throwable errorOrNull) {
        if (connection == null) {
            return; // open failed
        }
        try {
            if (errorOrNull == null) {
                merge.executeBatch();
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(Connections.explain(e, db), e);
        } finally {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what matters
        }
        connection = null;
    }
}
