package streamlab.benchmark;

import java.time.Duration;
import streamlab.netcat.NetcatServer;

/** A netcat-sim server of its own for one step, on a free port of 127.0.0.1. */
final class SocketFeed implements Feed {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(60);

    private final NetcatServer server;

    private SocketFeed(NetcatServer server) {
        this.server = server;
    }

    static SocketFeed open(String name) throws Exception {
        return new SocketFeed(NetcatServer.builder().start());
    }

    @Override
    public Input input() {
        return new SocketInput(server.bindHost(), server.port());
    }

    @Override
    public void send(String line) {
        server.send(line);
    }

    @Override
    public void awaitReader(String label) throws InterruptedException {
        if (!server.awaitClients(1, CONNECT_WAIT)) {
            throw new IllegalStateException(
                    label + " did not connect to netcat-sim within " + CONNECT_WAIT.toSeconds() + " s");
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
