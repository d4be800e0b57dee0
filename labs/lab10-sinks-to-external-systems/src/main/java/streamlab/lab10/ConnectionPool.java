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
        // TODO: output: the connection pool of this JVM, made from Connections.poolConfig(db) by the first
        //       call; every later call, from any thread, returns the same one (a second pool would open its
        //       own connections and never close them).
        //       The idea: a lazily created singleton per executor JVM, as in lab 05, for what cannot be
        //       serialized.
        throw new MissingSolutionException("Lab 10, ConnectionPool.getInstance: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
