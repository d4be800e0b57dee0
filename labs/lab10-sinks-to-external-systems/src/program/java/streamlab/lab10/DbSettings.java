package streamlab.lab10;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * Where Lab 10 writes (given: the lab's setting, not the exercise): a JDBC URL with its user and password,
 * the table, and the size and wait of a connection pool.
 *
 * <p>It is a small serializable value, so a function that Spark ships to the executors can carry it and
 * open connections <em>there</em>; a {@link java.sql.Connection} itself cannot be shipped (version 1 of the
 * course notes, {@code DriverConnectionTest}).
 *
 * @param url                 a JDBC URL: {@code jdbc:h2:mem:...} (embedded) or {@code jdbc:postgresql://...}
 * @param table               the table to write, a plain SQL name ({@link #NAME})
 * @param poolSize            the connections a pool keeps open ({@link Connections#poolConfig})
 * @param connectionTimeoutMs how long a borrower waits for a free pooled connection before it fails
 */
public record DbSettings(String url, String user, String password, String table, int poolSize, long connectionTimeoutMs)
        implements Serializable {

    /** A table name the lab accepts: letters, digits and underscores, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** The embedded database of the program: H2 in memory, speaking PostgreSQL's dialect, gone at exit. */
    public static final String EMBEDDED_URL = "jdbc:h2:mem:lab10;MODE=PostgreSQL;DB_CLOSE_DELAY=-1";

    /** The pool size of the program and the tests: two tasks (local[2]) write at once. */
    public static final int POOL_SIZE = 2;

    public DbSettings {
        if (table == null || !NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("A table name is a letter followed by letters, digits or underscores"
                    + " (at most 40), not \"" + table + "\".");
        }
    }

    /** An H2 database in memory, in PostgreSQL mode, that lives until the JVM ends or it is shut down. */
    public static DbSettings embedded(String name, String table) {
        return new DbSettings(
                "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "", table, POOL_SIZE, 30_000);
    }

    /** The same database, another table. */
    public DbSettings withTable(String other) {
        return new DbSettings(url, user, password, other, poolSize, connectionTimeoutMs);
    }

    /** The same database, with this wait for a pooled connection (250 ms at least, HikariCP's floor). */
    public DbSettings withConnectionTimeout(long millis) {
        return new DbSettings(url, user, password, table, poolSize, millis);
    }

    /** True for an H2 URL: the embedded database, whose sessions {@link Connections#openSessions} can count. */
    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return url + (user == null || user.isEmpty() ? "" : " as " + user) + ", table " + table;
    }
}
