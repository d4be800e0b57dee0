package streamlab.lab10;

import com.zaxxer.hikari.HikariConfig;
import java.io.PrintWriter;
import java.io.Serializable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Real connections to a real database, counted (given: use it, do not change it).
 *
 * <p>{@link #open} opens a new physical connection, as {@code createNewConnection()} does in the course
 * notes, and counts it: {@link #opened} tells how many this JVM has opened with the same settings (the same
 * database, to write the same table) so far. In local mode the executors run in this JVM, so their
 * connections count too. A pool made from
 * {@link #poolConfig} opens its connections through {@link #open} as well, so they are counted the same
 * way. {@link #stillOpen} tells how many of them have not been closed, and {@link #openSessions} asks the
 * database itself how many sessions are open right now (H2 only).
 */
public final class Connections {

    private static final Map<String, AtomicLong> OPENED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> CLOSED = new ConcurrentHashMap<>();
    private static final AtomicInteger POOLS = new AtomicInteger();

    private Connections() {}

    /** A new physical connection to {@code db}, counted. Close it when done (try-with-resources). */
    public static Connection open(DbSettings db) throws SQLException {
        Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        OPENED.computeIfAbsent(key(db), key -> new AtomicLong()).incrementAndGet();
        return closeCounted(connection, CLOSED.computeIfAbsent(key(db), key -> new AtomicLong()));
    }

    /**
     * How many connections {@link #open} (and every pool of {@link #poolConfig}) opened with these settings
     * that were never closed: a pool's own connections, and any connection somebody forgot to close (even
     * one the garbage collector has taken since, whose session the database may have closed by itself).
     */
    public static long stillOpen(DbSettings db) {
        AtomicLong closed = CLOSED.get(key(db));
        return opened(db) - (closed == null ? 0 : closed.get());
    }

    /** {@code connection} as it is, but its first {@code close()} counts in {@code closed}. */
    private static Connection closeCounted(Connection connection, AtomicLong closed) {
        return (Connection) Proxy.newProxyInstance(
                Connections.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new CloseCounting(connection, closed));
    }

    /**
     * Passes every call on to the connection, counting its first close. Serializable as a proxy's handler
     * must be, so that shipping the connection to a task fails on the connection itself, as it would
     * without the count: {@code NotSerializableException: org.h2.jdbc.JdbcConnection}.
     */
    private static final class CloseCounting implements InvocationHandler, Serializable {
        private final Connection connection;
        private final AtomicLong closed;
        private final AtomicBoolean isClosed = new AtomicBoolean();

        CloseCounting(Connection connection, AtomicLong closed) {
            this.connection = connection;
            this.closed = closed;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "close":
                    if (isClosed.compareAndSet(false, true)) {
                        closed.incrementAndGet();
                    }
                    break;
                default:
                    break;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * How many connections {@link #open} (and every pool of {@link #poolConfig}) opened with these settings:
     * to this database, for this table.
     */
    public static long opened(DbSettings db) {
        AtomicLong n = OPENED.get(key(db));
        return n == null ? 0 : n.get();
    }

    private static String key(DbSettings db) {
        return db.url() + " " + db.table();
    }

    /**
     * The configuration of a HikariCP pool for {@code db}: {@link DbSettings#poolSize} connections, opened
     * through {@link #open} (so they are counted), and a borrower waits at most
     * {@link DbSettings#connectionTimeoutMs} for a free one, then gets an SQLException: a pool that was
     * drained by connections never given back fails quickly instead of hanging. Make the pool with
     * {@code new HikariDataSource(Connections.poolConfig(db))}.
     */
    public static HikariConfig poolConfig(DbSettings db) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lab10-pool-" + POOLS.incrementAndGet());
        config.setDataSource(new CountedDataSource(db));
        config.setMaximumPoolSize(db.poolSize());
        config.setMinimumIdle(db.poolSize()); // a fixed-size pool, as HikariCP recommends
        long wait = Math.max(250, db.connectionTimeoutMs());
        config.setConnectionTimeout(wait);
        config.setValidationTimeout(Math.min(wait, 5_000));
        return config;
    }

    /** A connection for the program's and the tests' own reading: not counted. */
    static Connection forReading(DbSettings db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), db.password());
    }

    /**
     * How many sessions of the embedded database are open now, besides the one that asks: the pooled
     * connections, and any connection somebody forgot to close.
     */
    public static int openSessions(DbSettings db) {
        if (!db.isH2()) {
            throw new IllegalArgumentException("only the embedded H2 database lists its sessions: " + db.url());
        }
        try (Connection c = forReading(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getInt(1) - 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the sessions of " + db.url() + ": " + e.getMessage(), e);
        }
    }

    /** What went wrong, in one sentence a user can act on (for the program's error messages). */
    public static String explain(SQLException e, DbSettings db) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null
                ? e.toString()
                : e.getMessage().lines().findFirst().orElse("");
        if (message.startsWith("No suitable driver")) {
            return "No JDBC driver here accepts " + db.url() + ": this lab brings H2 (jdbc:h2:...) and PostgreSQL"
                    + " (jdbc:postgresql://HOST:5432/DATABASE).";
        }
        if (state.startsWith("08")) {
            Throwable cause = e.getCause();
            String why = cause == null || cause.getMessage() == null
                    ? ""
                    : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
            return "Cannot reach the database at " + db.url() + ": " + message + why
                    + (message.contains("Check that")
                            ? ""
                            : " Is the server running, and are the host and port right?");
        }
        if (state.startsWith("28")) {
            return "The database at " + db.url() + " refused user " + db.user() + ": " + message
                    + " (check --user and --password).";
        }
        if (state.equals("3D000")) {
            return "The database named in " + db.url() + " does not exist: " + message
                    + " (create it first, see the README).";
        }
        if (tableMissing(e)) {
            return "The table " + db.table() + " does not exist in " + db.url() + " (create it, or start the"
                    + " program with --create-tables).";
        }
        return "The database at " + db.url() + " failed: " + message
                + (state.isEmpty() ? "" : " (SQL state " + state + ").");
    }

    /** True when {@code e} says a table does not exist (PostgreSQL: 42P01; H2: 42S02, 42S03, 42S04). */
    public static boolean tableMissing(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.equals("42P01") || state.matches("42S0[234]");
    }

    /** The first SQLException in {@code e}'s causes, or null (Spark wraps what a task threw). */
    public static SQLException sqlCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** What HikariCP opens its physical connections with: {@link #open}, so that they are counted. */
    private static final class CountedDataSource implements DataSource {
        private final DbSettings db;
        private int loginTimeout;

        CountedDataSource(DbSettings db) {
            this.db = db;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return open(db);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return open(db);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {
            loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("no parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
