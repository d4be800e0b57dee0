package streamlab.netcat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A line server like {@code nc -lk PORT}, except that every line goes to <em>every</em> connected client, so a
 * Spark DStream receiver and a Structured socket source can share one server.
 *
 * <pre>{@code
 * try (NetcatServer server = NetcatServer.start("127.0.0.1", 9999, true)) {
 *     server.replay(Path.of("datasets/lines/hamlet.txt"), 5, true);   // 5 lines a second, over and over
 *     ...                                                      // run the Spark job against localhost:9999
 * }
 * }</pre>
 *
 * <p>Each client has its own queue and writer thread, so a client that disconnects costs the others nothing.
 * When a client's queue is full (it reads more slowly than lines are sent), {@link #send} waits for it as TCP would
 * for a single client; a client that reads nothing at all for {@code dropAfter} (5 s by default) is dropped.
 */
public final class NetcatServer implements AutoCloseable {

    /** Where the server listens unless told otherwise: this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Lines a client may fall behind before {@link #send} waits for it. */
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;
    /** How long a client may read nothing while its queue is full before it is dropped. */
    public static final Duration DEFAULT_DROP_AFTER = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final String bindHost;
    private final int queueCapacity;
    private final long dropAfterNanos;
    private final Consumer<String> log;
    private final ConnectedClients clients;
    private final Object sendLock = new Object();
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong linesDropped = new AtomicLong();
    private final Thread acceptor;

    NetcatServer(NetcatServerBuilder b) throws IOException {
        this.bindHost = b.bindHost;
        this.queueCapacity = b.queueCapacity;
        this.dropAfterNanos = b.dropAfter.toNanos();
        this.log = b.log;
        this.clients = new ConnectedClients(b.waitForClients);
        this.listener = ListeningSocket.bind(b.bindHost, b.port);
        this.acceptor = new Thread(this::acceptLoop, "netcat-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server.
     *
     * @param bindHost           address to listen on, e.g. {@code 127.0.0.1} (this machine only) or {@code 0.0.0.0}
     * @param port               port to listen on; 0 picks any free port (see {@link #port()})
     * @param waitForFirstClient whether {@link #send} waits for the first client to connect (as {@code nc} does);
     *                           if false, lines sent while no client is connected are dropped
     * @throws java.net.BindException if the port is in use, with a message that says what to do
     */
    public static NetcatServer start(String bindHost, int port, boolean waitForFirstClient) throws IOException {
        return builder()
                .bind(bindHost)
                .port(port)
                .waitForClients(waitForFirstClient ? 1 : 0)
                .start();
    }

    /** Starts a server on 127.0.0.1 that waits for its first client. */
    public static NetcatServer start(int port) throws IOException {
        return start(DEFAULT_BIND, port, true);
    }

    /** For the less common settings: how many clients to wait for, queue size, when to drop a stuck client, logging. */
    public static NetcatServerBuilder builder() {
        return new NetcatServerBuilder();
    }

    /** The port the server listens on (the one picked when started with port 0). */
    public int port() {
        return listener.getLocalPort();
    }

    /** The address the server listens on, as given when it was started. */
    public String bindHost() {
        return bindHost;
    }

    /**
     * Sends a line (without its line break) to every connected client.
     *
     * <p>Until the first client connects, this waits if the server was started to wait for it; otherwise the line is
     * dropped (see {@link #linesDropped()}). It also waits while a client's queue is full, until that client reads
     * again or is dropped. Lines from several threads are sent one at a time, in the same order to every client.
     */
    public void send(String line) {
        Objects.requireNonNull(line, "line");
        synchronized (sendLock) {
            try {
                if (!awaitReady()) {
                    linesDropped.incrementAndGet();
                    return;
                }
                boolean delivered = false;
                for (ClientConnection client : clients.all()) {
                    delivered |= client.offer(line);
                }
                (delivered ? linesSent : linesDropped).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                linesDropped.incrementAndGet();
            }
        }
    }

    /** Waits until the server may send (see {@link ConnectedClients#awaitReady}); false if it was closed first. */
    boolean awaitReady() throws InterruptedException {
        return clients.awaitReady();
    }

    /** Waits until at least {@code n} clients are connected; returns false if the time ran out first. */
    public boolean awaitClients(int n, Duration timeout) throws InterruptedException {
        return clients.awaitAtLeast(n, timeout);
    }

    /** Waits until every line sent so far has been written and flushed to every connected client. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ClientConnection client : clients.all()) {
            if (!client.awaitFlushed(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.count();
    }

    /** Lines that went to at least one client. */
    public long linesSent() {
        return linesSent.get();
    }

    /** Lines that went to no client: sent while none was connected (or after {@link #close()}). */
    public long linesDropped() {
        return linesDropped.get();
    }

    /** Feeds a line source into this server in the background, keeping to the source's timing. */
    public Feeder feed(LineSource source) {
        return Feeder.start(this, source);
    }

    /**
     * Replays a text file into this server in the background: one call for a lab program.
     *
     * @param linesPerSecond lines per second; 0 sends as fast as the clients read
     * @param loop           start again from the top at the end of the file
     */
    public Feeder replay(Path file, double linesPerSecond, boolean loop) throws IOException {
        return feed(LineSource.file(file, linesPerSecond, loop));
    }

    boolean isClosed() {
        return clients.isClosed();
    }

    /** Stops listening and closes every client connection. Lines already flushed are still delivered. */
    @Override
    public void close() {
        if (!clients.close()) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (ClientConnection client : clients.all()) {
            client.close("closed by the server");
        }
    }

    private void acceptLoop() {
        while (!clients.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!clients.isClosed()) {
                    log.accept("stopped accepting clients: " + e.getMessage());
                }
                return;
            }
            try {
                socket.setTcpNoDelay(true);
            } catch (IOException ignored) {
                // only a latency tweak
            }
            ClientConnection client = new ClientConnection(socket, queueCapacity, dropAfterNanos, this::closed);
            if (!clients.add(client)) {
                client.close("closed by the server");
                return;
            }
            log.accept("client " + client.name() + " connected (" + clients.count() + " connected)");
            client.start();
        }
    }

    private void closed(ClientConnection client, String reason) {
        clients.remove(client);
        if (!clients.isClosed()) {
            log.accept("client " + client.name() + " " + reason + " after " + client.linesWritten() + " lines ("
                    + clients.count() + " connected)");
        }
    }
}
