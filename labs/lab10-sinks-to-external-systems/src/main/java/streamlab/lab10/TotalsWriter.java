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
        // TODO: open a connection, in a transaction, and prepare the statement of WordTables.mergeTotalSql;
        //       keep both in the fields above and say that this partition is to be written. If a step fails,
        //       close what you opened before you throw: Spark calls no close() after an open() that threw.
        //       The idea: a ForeachWriter's life per partition and epoch: what open() must and must not decide
        //       (CONCEPTS.md says why (partitionId, epochId) is not a safe key).
        throw new MissingSolutionException("Lab 10, TotalsWriter.open: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    @Override
    public void process(Row row) {
        // TODO: add one row (word, count) to the prepared statement's batch.
        //       The idea: process() is called for each row of the partition, between open() and close().
        throw new MissingSolutionException("Lab 10, TotalsWriter.process: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    @Override
    public void close(Throwable errorOrNull) {
        // TODO: with no error: send the batch and commit; with an error: roll back. In every case, close the
        //       connection (a writer that leaves it open leaks one per partition and epoch).
        //       The idea: close() ends the partition's transaction, all of it or nothing.
        throw new MissingSolutionException("Lab 10, TotalsWriter.close: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
