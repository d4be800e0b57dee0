package streamlab.lab10;

import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 10, DStream API: the course notes' ways of writing every record of a DStream to a database, from
 * {@code foreachRDD}. Each adds one output operation to {@code counts}; every batch writes its
 * {@code (word, count)} pairs as rows {@code (batch_id, word, count)} of {@code db.table()}, with the
 * batch time in milliseconds as {@code batch_id}.
 *
 * <p>Version 1 of the notes (a connection made on the driver, used in {@code rdd.foreach}) is not here:
 * Spark refuses it, see {@code DriverConnectionTest}.
 *
 * <p>The SQL is given: {@code WordTables.insertSql(db.table())} with the parameters 1 batch_id, 2 word,
 * 3 count. Close what you open with try-with-resources.
 */
public final class WriteOutDStream {

    private WriteOutDStream() {}

    /** Version 2: a new connection for every record, opened and closed inside the task. */
    public static void writePerRecord(JavaPairDStream<String, Long> counts, DbSettings db) {
        // TODO: for every batch, write each (word, count) as a row (batch time in ms, word, count), with a new
        //       connection for every record, opened and closed inside the task.
        //       The idea: version 2 of the course notes: what runs on the driver, what runs in the tasks, and
        //       what a connection per record costs.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writePerRecord: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /** Version 3: one connection for each partition that holds records, all its records in one batch. */
    public static void writePerPartition(JavaPairDStream<String, Long> counts, DbSettings db) {
        // TODO: the same rows, with one connection for each partition that holds records (none for an empty
        //       partition), all its records sent in one batch of statements.
        //       The idea: version 3 of the notes: one connection per partition.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writePerPartition: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /**
     * Version 4: each partition borrows a connection from the JVM's pool ({@link ConnectionPool}) and gives
     * it back when done; the pool keeps its connections open from batch to batch.
     */
    public static void writeWithPool(JavaPairDStream<String, Long> counts, DbSettings db) {
        // TODO: the same rows, each partition borrowing a connection from its JVM's pool (ConnectionPool) and
        //       giving it back when done; the pool keeps its connections open from batch to batch.
        //       The idea: version 4 of the notes: a pool per executor JVM, reached from inside the task.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writeWithPool: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
