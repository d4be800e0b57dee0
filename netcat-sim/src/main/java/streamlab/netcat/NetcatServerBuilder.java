package streamlab.netcat;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Settings for a {@link NetcatServer} ({@link NetcatServer#builder()}); every one has a sensible default. */
public final class NetcatServerBuilder {
    String bindHost = NetcatServer.DEFAULT_BIND;
    int port;
    int waitForClients = 1;
    int queueCapacity = NetcatServer.DEFAULT_QUEUE_CAPACITY;
    Duration dropAfter = NetcatServer.DEFAULT_DROP_AFTER;
    Consumer<String> log = message -> {};

    NetcatServerBuilder() {}

    /** Address to listen on; default 127.0.0.1 (this machine only). */
    public NetcatServerBuilder bind(String host) {
        this.bindHost = Objects.requireNonNull(host, "host");
        return this;
    }

    /** Port to listen on; default 0 (any free port). */
    public NetcatServerBuilder port(int port) {
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
    public NetcatServerBuilder waitForClients(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot wait for " + n + " clients");
        }
        this.waitForClients = n;
        return this;
    }

    /** Lines a client may fall behind before {@link NetcatServer#send} waits for it; default 8192. */
    public NetcatServerBuilder queueCapacity(int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1");
        }
        this.queueCapacity = lines;
        return this;
    }

    /** How long a client may read nothing while its queue is full before it is dropped; default 5 s. */
    public NetcatServerBuilder dropAfter(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("dropAfter must be more than zero");
        }
        this.dropAfter = timeout;
        return this;
    }

    /** Where to report clients connecting and leaving (e.g. {@code System.err::println}); default nowhere. */
    public NetcatServerBuilder log(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
        return this;
    }

    /** Binds the port and starts accepting clients. */
    public NetcatServer start() throws IOException {
        return new NetcatServer(this);
    }
}
