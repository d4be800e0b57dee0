package streamlab.netcat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    private final int waitForClients;
    private final int queueCapacity;
    private final long dropAfterNanos;
    private final Consumer<String> log;
    private final List<ClientConnection> clients = new CopyOnWriteArrayList<>();
    private final Object state = new Object();
    private final Object sendLock = new Object();
    private final AtomicLong linesSent = new AtomicLong();
    private final AtomicLong linesDropped = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean ready;
    private volatile boolean closed;

    private NetcatServer(Builder b) throws IOException {
        this.bindHost = b.bindHost;
        this.waitForClients = b.waitForClients;
        this.queueCapacity = b.queueCapacity;
        this.dropAfterNanos = b.dropAfter.toNanos();
        this.log = b.log;
        this.ready = waitForClients == 0;
        this.listener = bind(b.bindHost, b.port);
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
     * @throws BindException if the port is in use, with a message that says what to do
     */
    public static NetcatServer start(String bindHost, int port, boolean waitForFirstClient) throws IOException {
        return builder().bind(bindHost).port(port).waitForClients(waitForFirstClient ? 1 : 0).start();
    }

    /** Starts a server on 127.0.0.1 that waits for its first client. */
    public static NetcatServer start(int port) throws IOException {
        return start(DEFAULT_BIND, port, true);
    }

    /** For the less common settings: how many clients to wait for, queue size, when to drop a stuck client, logging. */
    public static Builder builder() {
        return new Builder();
    }

    private static ServerSocket bind(String host, int port) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        ServerSocket socket = new ServerSocket();
        try {
            // Lets a restarted server take the port back at once. Not on Windows, where the same option would let
            // a second server take a port that is still in use.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                socket.setReuseAddress(true);
            }
            socket.bind(new InetSocketAddress(address, port), 50);
            return socket;
        } catch (BindException e) {
            socket.close();
            String why = String.valueOf(e.getMessage());
            BindException clear = new BindException(why.toLowerCase(Locale.ROOT).contains("in use")
                    ? portInUseMessage(host, port)
                    : "cannot listen on " + host + ":" + port + ": " + why + " (is " + host + " an address of this machine?)");
            clear.initCause(e);
            throw clear;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The message for a port that is already taken. */
    static String portInUseMessage(String host, int port) {
        return "port " + port + " is already in use on " + host
                + ": stop the other server or pick another port with -p";
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
                for (ClientConnection client : clients) {
                    delivered |= client.offer(line);
                }
                (delivered ? linesSent : linesDropped).incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                linesDropped.incrementAndGet();
            }
        }
    }

    /**
     * Waits until the server may send: at once if it does not wait for clients, else until enough clients have been
     * connected at the same time.
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
    public boolean awaitClients(int n, Duration timeout) throws InterruptedException {
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

    /** Waits until every line sent so far has been written and flushed to every connected client. */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ClientConnection client : clients) {
            if (!client.awaitFlushed(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.size();
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
        return closed;
    }

    /** Stops listening and closes every client connection. Lines already flushed are still delivered. */
    @Override
    public void close() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            state.notifyAll();
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (ClientConnection client : clients) {
            client.close("closed by the server");
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
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
            synchronized (state) {
                if (closed) {
                    client.close("closed by the server");
                    return;
                }
                clients.add(client);
                if (clients.size() >= waitForClients) {
                    ready = true;
                }
                state.notifyAll();
            }
            log.accept("client " + client.name() + " connected (" + clients.size() + " connected)");
            client.start();
        }
    }

    private void closed(ClientConnection client, String reason) {
        synchronized (state) {
            clients.remove(client);
            state.notifyAll();
        }
        if (!closed) {
            log.accept("client " + client.name() + " " + reason + " after " + client.linesWritten() + " lines ("
                    + clients.size() + " connected)");
        }
    }

    /** Settings for {@link NetcatServer}; every one has a sensible default. */
    public static final class Builder {
        private String bindHost = DEFAULT_BIND;
        private int port;
        private int waitForClients = 1;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration dropAfter = DEFAULT_DROP_AFTER;
        private Consumer<String> log = message -> { };

        private Builder() {
        }

        /** Address to listen on; default 127.0.0.1 (this machine only). */
        public Builder bind(String host) {
            this.bindHost = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on; default 0 (any free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("bad port " + port + ": use 1 to 65535 (or 0 for any free port)");
            }
            this.port = port;
            return this;
        }

        /**
         * How many clients must be connected at the same time before the first line goes out (default 1, as
         * {@code nc}); 0 sends at once and drops lines while no client is connected.
         */
        public Builder waitForClients(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("cannot wait for " + n + " clients");
            }
            this.waitForClients = n;
            return this;
        }

        /** Lines a client may fall behind before {@link NetcatServer#send} waits for it; default 8192. */
        public Builder queueCapacity(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("queue capacity must be at least 1");
            }
            this.queueCapacity = lines;
            return this;
        }

        /** How long a client may read nothing while its queue is full before it is dropped; default 5 s. */
        public Builder dropAfter(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("dropAfter must be more than zero");
            }
            this.dropAfter = timeout;
            return this;
        }

        /** Where to report clients connecting and leaving (e.g. {@code System.err::println}); default nowhere. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Binds the port and starts accepting clients. */
        public NetcatServer start() throws IOException {
            return new NetcatServer(this);
        }
    }
}
