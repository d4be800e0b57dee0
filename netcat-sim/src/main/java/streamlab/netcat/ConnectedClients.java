package streamlab.netcat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Who is connected to a {@link NetcatServer}, and waiting for them: until enough clients were connected at the
 * same time for the first line to go out, or until some number of them are.
 */
final class ConnectedClients {

    private final List<ClientConnection> clients = new CopyOnWriteArrayList<>();
    private final Object state = new Object();
    private final int waitForClients;
    private volatile boolean ready;
    private volatile boolean closed;

    /** {@code waitForClients}: how many must be connected at once before lines go out (0: at once). */
    ConnectedClients(int waitForClients) {
        this.waitForClients = waitForClients;
        this.ready = waitForClients == 0;
    }

    /** Adds a client that has just connected; false (and it is not added) once the server is closed. */
    boolean add(ClientConnection client) {
        synchronized (state) {
            if (closed) {
                return false;
            }
            clients.add(client);
            if (clients.size() >= waitForClients) {
                ready = true;
            }
            state.notifyAll();
            return true;
        }
    }

    void remove(ClientConnection client) {
        synchronized (state) {
            clients.remove(client);
            state.notifyAll();
        }
    }

    /** The clients connected now (a snapshot to iterate over: they may come and go meanwhile). */
    List<ClientConnection> all() {
        return clients;
    }

    int count() {
        return clients.size();
    }

    /**
     * Waits until lines may go out: at once if the server does not wait for clients, else until enough clients have
     * been connected at the same time.
     *
     * @return false if the server was closed first
     */
    boolean awaitReady() throws InterruptedException {
        if (ready) {
            return !closed;
        }
        synchronized (state) {
            while (!ready && !closed) {
                state.wait();
            }
            return !closed;
        }
    }

    /** Waits until at least {@code n} clients are connected; returns false if the time ran out first. */
    boolean awaitAtLeast(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (clients.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(state, left);
            }
            return true;
        }
    }

    /** Marks the server closed and wakes whoever waits; false if it was closed already. */
    boolean close() {
        synchronized (state) {
            if (closed) {
                return false;
            }
            closed = true;
            state.notifyAll();
            return true;
        }
    }

    boolean isClosed() {
        return closed;
    }
}
