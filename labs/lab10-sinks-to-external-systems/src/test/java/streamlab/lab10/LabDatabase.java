package streamlab.lab10;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded database for every test (H2 in memory, PostgreSQL mode, a name of its own) with the
 * lab's two tables, shut down after the test:
 *
 * <pre>{@code
 * @RegisterExtension
 * final LabDatabase db = LabDatabase.withPool();
 * }</pre>
 *
 * <p>{@link #withPool()} also forgets {@link ConnectionPool}'s pool before and after every test (closing
 * it), as a new executor JVM would not have one, whatever the exercise code does.
 */
final class LabDatabase implements BeforeEachCallback, AfterEachCallback {

    static final String COUNTS = "word_counts";
    static final String TOTALS = "word_totals";

    /** How long a borrower waits for a pooled connection: a pool drained by a leak fails fast. */
    static final long POOL_WAIT_MS = 250;

    private final boolean pool;
    private DbSettings counts;

    private LabDatabase(boolean pool) {
        this.pool = pool;
    }

    /** A database for the Structured tests. */
    static LabDatabase create() {
        return new LabDatabase(false);
    }

    /** A database, and a pool forgotten around each test: for the tests that use {@link ConnectionPool}. */
    static LabDatabase withPool() {
        return new LabDatabase(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (pool) {
            forgetPool();
        }
        RowTrigger.reset();
        counts = DbSettings.embedded("lab10-" + UUID.randomUUID(), COUNTS).withConnectionTimeout(POOL_WAIT_MS);
        execute(c -> {
            WordTables.createCounts(c, COUNTS);
            WordTables.createTotals(c, TOTALS);
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (pool) {
            forgetPool();
        }
        RowTrigger.reset();
        execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        });
    }

    /** The counts table of this test's database. */
    DbSettings counts() {
        return counts;
    }

    /** The totals table of this test's database. */
    DbSettings totals() {
        return counts.withTable(TOTALS);
    }

    /** Counts the rows written into {@code db.table()} from now on ({@link RowTrigger#written}). */
    void watch(DbSettings db) throws SQLException {
        execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER IF NOT EXISTS watch_" + db.table() + " BEFORE INSERT, UPDATE ON " + db.table()
                        + " FOR EACH ROW CALL '" + RowTrigger.class.getName() + "'");
            }
        });
    }

    /** The {@code n}-th row written into {@code db.table()} from now on fails, once. */
    void failAtRow(DbSettings db, int n) throws SQLException {
        watch(db);
        RowTrigger.failAtRow(db.table(), n);
    }

    void dropCountsTable() throws SQLException {
        dropTable(counts);
    }

    void dropTable(DbSettings db) throws SQLException {
        execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + db.table());
            }
        });
    }

    void createCountsTable() throws SQLException {
        execute(c -> WordTables.createCounts(c, COUNTS));
    }

    /** Another counts table in this test's database. */
    DbSettings createCountsTable(String name) throws SQLException {
        execute(c -> WordTables.createCounts(c, name));
        return counts.withTable(name);
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void execute(Work work) throws SQLException {
        try (Connection c = Connections.forReading(counts)) {
            work.run(c);
        }
    }

    /**
     * Closes and forgets the pool kept in {@link ConnectionPool}'s static field, so that the next
     * {@code getInstance} makes a new one, for the next test's database.
     */
    static void forgetPool() {
        boolean found = false;
        for (Field field : ConnectionPool.class.getDeclaredFields()) {
            if (!DataSource.class.isAssignableFrom(field.getType()) || !Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            found = true;
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                if (value == null) {
                    continue;
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new AssertionError(
                            "ConnectionPool." + field.getName() + " is final, so a new JVM's pool can never"
                                    + " be made lazily. Keep the pool in the static field the skeleton declares (instance), not"
                                    + " final, set by the first getInstance call.");
                }
                if (value instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                field.set(null, null);
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("cannot reset ConnectionPool." + field.getName() + ": " + e, e);
            }
        }
        if (!found) {
            throw new AssertionError("ConnectionPool has no static field for its pool. Keep it in the static field the"
                    + " skeleton declares (instance), so that the next test, like a new executor, can make a new one.");
        }
    }
}
