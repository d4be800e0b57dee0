package streamlab.lab10;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The lab's two tables and their SQL (given: use it, do not change it). Every statement runs unchanged on
 * the embedded H2 (PostgreSQL mode) and on PostgreSQL 15 or later.
 *
 * <ul>
 *   <li>A <b>counts</b> table: the word counts of each batch, one row per {@code (batch_id, word)}. The
 *       DStream writers put the batch time in milliseconds in {@code batch_id}, the Structured query its
 *       micro-batch id.</li>
 *   <li>A <b>totals</b> table: the running total of each word, one row per {@code word}, which the
 *       {@code ForeachWriter} keeps up to date with a standard {@code MERGE} (an upsert).</li>
 * </ul>
 */
public final class WordTables {

    private WordTables() {}

    /** Creates the counts table {@code table} unless it exists. */
    public static void createCounts(Connection connection, String table) throws SQLException {
        execute(
                connection,
                "CREATE TABLE IF NOT EXISTS " + table + " (batch_id BIGINT NOT NULL, word VARCHAR NOT NULL,"
                        + " count BIGINT NOT NULL, PRIMARY KEY (batch_id, word))");
    }

    /** Creates the totals table {@code table} unless it exists. */
    public static void createTotals(Connection connection, String table) throws SQLException {
        execute(
                connection,
                "CREATE TABLE IF NOT EXISTS " + table + " (word VARCHAR NOT NULL PRIMARY KEY,"
                        + " count BIGINT NOT NULL)");
    }

    /** Adds one row to a counts table; parameters: 1 batch_id (long), 2 word (String), 3 count (long). */
    public static String insertSql(String table) {
        return "INSERT INTO " + table + " (batch_id, word, count) VALUES (?, ?, ?)";
    }

    /** Removes every row of one batch from a counts table; parameter: 1 batch_id (long). */
    public static String deleteBatchSql(String table) {
        return "DELETE FROM " + table + " WHERE batch_id = ?";
    }

    /**
     * Sets the total of one word in a totals table, whether or not it has a row yet (an upsert); parameters:
     * 1 word (String), 2 count (long). Run twice with the same values, it leaves the same row.
     */
    public static String mergeTotalSql(String table) {
        return "MERGE INTO " + table + " AS t"
                + " USING (VALUES (CAST(? AS VARCHAR), CAST(? AS BIGINT))) AS s (word, count) ON t.word = s.word"
                + " WHEN MATCHED THEN UPDATE SET count = s.count"
                + " WHEN NOT MATCHED THEN INSERT (word, count) VALUES (s.word, s.count)";
    }

    /** True when {@code table} exists and can be read. */
    public static boolean exists(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            if (Connections.tableMissing(e)) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                return false;
            }
            throw e;
        }
    }

    /** Deletes every row of {@code table}. */
    public static void empty(Connection connection, String table) throws SQLException {
        execute(connection, "DELETE FROM " + table);
    }

    /** The {@code (word, count)} rows of one batch of a counts table. */
    public static List<Tuple2<String, Long>> readBatch(DbSettings db, long batchId) throws SQLException {
        List<Tuple2<String, Long>> rows = new ArrayList<>();
        try (Connection c = Connections.forReading(db);
                PreparedStatement s =
                        c.prepareStatement("SELECT word, count FROM " + db.table() + " WHERE batch_id = ?")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Tuple2<>(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return rows;
    }

    /** Every {@code (batch_id, word, count)} row of a counts table, by batch and word. */
    public static List<Tuple3<Long, String, Long>> readCounts(DbSettings db) throws SQLException {
        List<Tuple3<Long, String, Long>> rows = new ArrayList<>();
        try (Connection c = Connections.forReading(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT batch_id, word, count FROM " + db.table() + " ORDER BY batch_id, word")) {
            while (rs.next()) {
                rows.add(new Tuple3<>(rs.getLong(1), rs.getString(2), rs.getLong(3)));
            }
        }
        return rows;
    }

    /** Every {@code (word, count)} row of a totals table, by word. */
    public static List<Tuple2<String, Long>> readTotals(DbSettings db) throws SQLException {
        return query(db, "SELECT word, count FROM " + db.table() + " ORDER BY word");
    }

    /**
     * The {@code n} biggest words of a table, biggest first: summed over all batches of a counts table,
     * as they stand in a totals table.
     */
    public static List<Tuple2<String, Long>> top(DbSettings db, boolean totals, int n) throws SQLException {
        String sum = totals ? "count" : "SUM(count)";
        return query(
                db,
                "SELECT word, " + sum + " AS total FROM " + db.table() + (totals ? "" : " GROUP BY word")
                        + " ORDER BY total DESC, word LIMIT " + n);
    }

    /** How many rows {@code db.table()} holds. */
    public static long rowCount(DbSettings db) throws SQLException {
        try (Connection c = Connections.forReading(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + db.table())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Tuple2<String, Long>> query(DbSettings db, String sql) throws SQLException {
        List<Tuple2<String, Long>> rows = new ArrayList<>();
        try (Connection c = Connections.forReading(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new Tuple2<>(rs.getString(1), rs.getLong(2)));
            }
        }
        return rows;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
