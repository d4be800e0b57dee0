package streamlab.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;

/**
 * Lab 10, Structured Streaming API: a {@link ForeachWriter} that sets the running totals of the words
 * (rows {@code word}, {@code count}) in a totals table with {@link WordTables#mergeTotalSql}.
 *
 * <p>Spark makes a copy of this object for every partition of every epoch (micro-batch), on the executor,
 * and calls {@code open}, then {@code process} for each row, then {@code close}. The object is serialized
 * to get there: keep the connection in transient fields, made in {@code open}.
 *
 * <p>Its methods cannot throw SQLException: wrap one in an unchecked exception (for example
 * {@code new IllegalStateException(Connections.explain(e, db), e)}), so that the task, and the query, fail.
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
        // TODO: open a connection (Connections.open(db)), setAutoCommit(false), prepare
        //       WordTables.mergeTotalSql(db.table()), keep both in the fields above, and return true (write this
        //       partition). Do not return false for a (partitionId, epochId) you think you wrote before: read
        //       the README on why that pair is not a safe key. If a step fails, close the connection before you
        //       throw: Spark calls no close() after an open() that threw.
        throw new MissingSolutionException("Lab 10, TotalsWriter.open: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    @Override
    public void process(Row row) {
        // TODO: parameter 1 the word (row.getAs("word")), 2 the total (row.<Long>getAs("count")), then addBatch().
        throw new MissingSolutionException("Lab 10, TotalsWriter.process: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    @Override
    public void close(Throwable errorOrNull) {
        // TODO: if errorOrNull is null, executeBatch() and commit(); else rollback(). In every case (finally),
        //       close the connection: a ForeachWriter that leaves it open leaks one per partition and epoch.
        throw new MissingSolutionException("Lab 10, TotalsWriter.close: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
