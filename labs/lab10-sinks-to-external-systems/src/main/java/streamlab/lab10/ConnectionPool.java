package streamlab.lab10;

import com.zaxxer.hikari.HikariDataSource;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: if instance is still null, create the pool: new HikariDataSource(Connections.poolConfig(db))
        //         (the configuration is given: its connections are counted, and a borrower waits at most
        //         db.connectionTimeoutMs() for a free one). Keep it in instance.
        // TODO 2: several tasks of one executor start at the same moment and all find no pool. Make sure only
        //         one is ever made: double-checked locking, as in lab 05 (check, synchronized
        //         (ConnectionPool.class), check again, create). A second pool would open its own connections
        //         and never close them.
        // TODO 3: return instance.
        throw new MissingSolutionException("Lab 10, ConnectionPool.getInstance: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
