package streamlab.lab10;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.h2.api.Trigger;

/**
 * An H2 trigger the tests put on a table (see {@link LabDatabase#watch}): it counts the rows written into
 * it (inserted or updated), and, once a test arms it, makes one row fail, as a database that goes away
 * in the middle of a write does. It is the tests' own, not part of the lab.
 *
 * <p>The embedded database runs a statement in the thread that sends it, so the trigger also sees
 * whether a row came from a Spark task or from the driver (no {@link TaskContext} there).
 */
public final class RowTrigger implements Trigger {

    private static final Map<String, AtomicInteger> WRITTEN = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> FAIL_AT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> OUTSIDE_TASKS = new ConcurrentHashMap<>();

    private String table;

    @Override
    public void init(
            Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        WRITTEN.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
        if (TaskContext.get() == null) {
            OUTSIDE_TASKS.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
        }
        AtomicInteger countdown = FAIL_AT.get(table);
        if (countdown != null && countdown.decrementAndGet() == 0) {
            FAIL_AT.remove(table);
            throw new SQLException(
                    "The test's failure switch: the database fails in the middle of this write.", "08006");
        }
    }

    /** The {@code n}-th row written into {@code table} from now on fails (once). */
    static void failAtRow(String table, int n) {
        FAIL_AT.put(table.toLowerCase(java.util.Locale.ROOT), new AtomicInteger(n));
    }

    /** Rows written into {@code table} so far (inserted or updated). */
    static int written(String table) {
        AtomicInteger n = WRITTEN.get(table.toLowerCase(java.util.Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /** Rows written into {@code table} so far from outside any Spark task: from the driver. */
    static int writtenOutsideTasks(String table) {
        AtomicInteger n = OUTSIDE_TASKS.get(table.toLowerCase(java.util.Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    static void reset() {
        WRITTEN.clear();
        FAIL_AT.clear();
        OUTSIDE_TASKS.clear();
    }
}
