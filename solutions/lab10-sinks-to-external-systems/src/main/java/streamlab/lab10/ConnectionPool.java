package streamlab.lab10;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Lab 10, DStream API: one connection pool per JVM, created lazily by the first task that needs it.
 *
 * <p>A pool cannot be made on the driver and shipped to the executors (it holds open connections and
 * threads, none of which can be serialized). So every executor JVM makes its own, the first time one of
 * its tasks asks, and keeps it in a static field for every later task and batch: the connections stay
 * open and are only borrowed and given back.
 */
public final class ConnectionPool {

    private static volatile HikariDataSource instance;

    private ConnectionPool() {}

    /**
     * The pool of this JVM: created by the first call (with that call's settings), the same object for
     * every later call, from any thread.
     */
    public static HikariDataSource getInstance(DbSettings db) {
        HikariDataSource pool = instance;
        if (pool == null) {
            synchronized (ConnectionPool.class) {
                pool = instance;
                if (pool == null) {
                    pool = new HikariDataSource(Connections.poolConfig(db));
                    instance = pool;
                }
            }
        }
        return pool;
    }
}
