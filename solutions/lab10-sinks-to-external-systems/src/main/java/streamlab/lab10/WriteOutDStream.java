package streamlab.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Lab 10, DStream API: the course notes' ways of writing every record of a DStream to a database, from
 * {@code foreachRDD}. Each adds one output operation to {@code counts}; every batch writes its
 * {@code (word, count)} pairs as rows {@code (batch_id, word, count)} of {@code db.table()}, with the
 * batch time in milliseconds as {@code batch_id}.
 *
 * <p>Version 1 of the notes (a connection made on the driver, used in {@code rdd.foreach}) is not here:
 * Spark refuses it, see {@code DriverConnectionTest}.
 */
public final class WriteOutDStream {

    private WriteOutDStream() {}

    /** Version 2: a new connection for every record, opened and closed inside the task. */
    public static void writePerRecord(JavaPairDStream<String, Long> counts, DbSettings db) {
        counts.foreachRDD((rdd, time) -> {
            long batchId = time.milliseconds();
            rdd.foreach(record -> {
                try (Connection connection = Connections.open(db);
                        PreparedStatement insert = connection.prepareStatement(WordTables.insertSql(db.table()))) {
                    insert.setLong(1, batchId);
                    insert.setString(2, record._1());
                    insert.setLong(3, record._2());
                    insert.executeUpdate();
                }
            });
        });
    }

    /** Version 3: one connection for each partition that holds records, all its records in one batch. */
    public static void writePerPartition(JavaPairDStream<String, Long> counts, DbSettings db) {
        counts.foreachRDD((rdd, time) -> {
            long batchId = time.milliseconds();
            rdd.foreachPartition(records -> {
                if (!records.hasNext()) {
                    return; // nothing to write: no connection
                }
                try (Connection connection = Connections.open(db)) {
                    insertAll(connection, db.table(), batchId, records);
                }
            });
        });
    }

    /**
     * Version 4: each partition borrows a connection from the JVM's pool ({@link ConnectionPool}) and gives
     * it back when done; the pool keeps its connections open from batch to batch.
     */
    public static void writeWithPool(JavaPairDStream<String, Long> counts, DbSettings db) {
        counts.foreachRDD((rdd, time) -> {
            long batchId = time.milliseconds();
            rdd.foreachPartition(records -> {
                if (!records.hasNext()) {
                    return;
                }
                try (Connection borrowed = ConnectionPool.getInstance(db).getConnection()) {
                    insertAll(borrowed, db.table(), batchId, records);
                } // close() gives a pooled connection back to the pool
            });
        });
    }

    /** Inserts the records with one prepared statement, sent as one JDBC batch. */
    private static void insertAll(
            Connection connection, String table, long batchId, Iterator<Tuple2<String, Long>> records)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(WordTables.insertSql(table))) {
            while (records.hasNext()) {
                Tuple2<String, Long> record = records.next();
                insert.setLong(1, batchId);
                insert.setString(2, record._1());
                insert.setLong(3, record._2());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
