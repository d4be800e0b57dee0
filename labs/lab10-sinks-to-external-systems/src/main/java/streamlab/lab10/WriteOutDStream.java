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
        // TODO: counts.foreachRDD((rdd, time) -> ...): this function runs on the driver, once per batch.
        //       Take the batch id from time.milliseconds() there, then rdd.foreach(record -> ...), which runs
        //       in the tasks: open a connection with Connections.open(db) (counted), prepare
        //       WordTables.insertSql(db.table()), set the three parameters, executeUpdate(), close both.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writePerRecord: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /** Version 3: one connection for each partition that holds records, all its records in one batch. */
    public static void writePerPartition(JavaPairDStream<String, Long> counts, DbSettings db) {
        // TODO: counts.foreachRDD((rdd, time) -> rdd.foreachPartition(records -> ...)). In a partition:
        //       if records.hasNext() is false, return without a connection (an empty partition, an empty batch);
        //       else open ONE connection with Connections.open(db), prepare the insert once, and for every
        //       record set its parameters and addBatch(); then executeBatch() once. Close what you opened.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writePerPartition: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }

    /**
     * Version 4: each partition borrows a connection from the JVM's pool ({@link ConnectionPool}) and gives
     * it back when done; the pool keeps its connections open from batch to batch.
     */
    public static void writeWithPool(JavaPairDStream<String, Long> counts, DbSettings db) {
        // TODO: like writePerPartition, but borrow the connection: ConnectionPool.getInstance(db).getConnection().
        //       Call getInstance inside foreachPartition: it runs on the executor, whose JVM makes its own pool
        //       the first time. A pooled connection's close() gives it back to the pool: use
        //       try-with-resources, or the pool runs dry after poolSize partitions.
        throw new MissingSolutionException("Lab 10, WriteOutDStream.writeWithPool: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
