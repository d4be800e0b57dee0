package streamlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import streamlab.netcat.Feeder;
import streamlab.netcat.NetcatServer;

/**
 * The built-in line server of {@code --replay FILE}: a netcat-sim on a free port of this machine that
 * starts replaying the file once every API of the lab has connected, so no API misses the first lines.
 */
final class Replay implements AutoCloseable {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    private final NetcatServer server;
    private final Path file;
    private final double rate;
    private final boolean loop;
    private Feeder feeder;

    private Replay(NetcatServer server, Path file, double rate, boolean loop) {
        this.server = server;
        this.file = file;
        this.rate = rate;
        this.loop = loop;
    }

    /** A started server when {@code --replay} was given, else null. */
    static Replay startIfAsked(LabOptions options) {
        if (options.replay == null) {
            return null;
        }
        LabProgram.checkReadable(options.replay);
        if (!(options.rate > 0)) {
            throw new LabUsageException("--rate must be more than 0 lines per second, not " + options.rate + ".");
        }
        try {
            // on --port, like any line server: a DStream recovered from its checkpoint reconnects there
            NetcatServer server = NetcatServer.start("127.0.0.1", options.port, true);
            return new Replay(server, options.replay, options.rate, options.loop);
        } catch (java.net.BindException e) {
            throw new LabUsageException(e.getMessage() + " (--replay starts its line server on --port)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String host() {
        return "127.0.0.1";
    }

    int port() {
        return server.port();
    }

    /** Waits for {@code clients} connections, then replays the file in the background. */
    void startWhenConnected(int clients) throws InterruptedException {
        if (!server.awaitClients(clients, CONNECT_WAIT)) {
            System.err.println("Only " + server.clientCount() + " of " + clients
                    + " readers connected to the replay; replaying anyway.");
        }
        try {
            feeder = server.replay(file, rate, loop);
        } catch (IOException e) {
            throw new LabUsageException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (feeder != null) {
            feeder.stop();
        }
        server.close();
    }
}
