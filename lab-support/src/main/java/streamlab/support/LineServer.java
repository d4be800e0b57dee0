package streamlab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import streamlab.netcat.Feeder;
import streamlab.netcat.LineSource;
import streamlab.netcat.NetcatServer;

/**
 * Where a lab reads its lines: the line server at {@code --host}/{@code --port} (netcat-sim, nc), or,
 * with {@code --replay FILE}, a built-in netcat-sim on {@code --port} of this machine that replays the
 * file once every reader of the lab has connected, so that no API misses the first lines; with
 * {@code --random LO..HI}, the same server sends random numbers instead.
 */
public final class LineServer implements AutoCloseable {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    /** Told of each line the built-in line server sends, as it goes out (the web view lists them). */
    @FunctionalInterface
    public interface SentLines {
        void sent(Instant at, String line);
    }

    private static volatile SentLines sentLines;

    private final LabOptions options;
    private final NetcatServer replayServer;
    private Feeder feeder;

    private LineServer(LabOptions options, NetcatServer replayServer) {
        this.options = options;
        this.replayServer = replayServer;
    }

    /** The line server the options name; a started replay server with {@code --replay}. */
    public static LineServer from(LabOptions options) {
        if (options.replay != null && options.random != null) {
            throw new LabUsageException("Give either --replay FILE or --random LO..HI, not both.");
        }
        if (options.replay == null && options.random == null) {
            System.out.println("== reading lines from " + options.host + ":" + options.port);
            return new LineServer(options, null);
        }
        if (options.replay != null && (!Files.isRegularFile(options.replay) || !Files.isReadable(options.replay))) {
            throw new LabUsageException("Cannot read " + options.replay + ": no such file (paths are relative to "
                    + System.getProperty("user.dir") + ").");
        }
        if (!(options.rate > 0)) {
            throw new LabUsageException("--rate must be more than 0 lines per second, not " + options.rate + ".");
        }
        try {
            // on --port, like any line server: a DStream recovered from its checkpoint reconnects there
            NetcatServer server = NetcatServer.start("127.0.0.1", options.port, true);
            System.out.println("== "
                    + (options.replay != null
                            ? "replaying " + options.replay
                            : "sending random numbers " + options.random)
                    + " at " + options.rate + " lines/s on 127.0.0.1:"
                    + server.port() + (options.loop ? ", in a loop" : ""));
            return new LineServer(options, server);
        } catch (java.net.BindException e) {
            throw new LabUsageException(e.getMessage() + " (--replay starts its line server on --port)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return replayServer != null ? "127.0.0.1" : options.host;
    }

    public int port() {
        return replayServer != null ? replayServer.port() : options.port;
    }

    /**
     * With {@code --replay}: waits until {@code readers} connections are open (a DStream receiver and each
     * Structured socket query is one), then replays the file in the background. Otherwise nothing.
     */
    public void replayTo(int readers) throws InterruptedException {
        if (replayServer == null || readers == 0) {
            return;
        }
        if (!replayServer.awaitClients(readers, CONNECT_WAIT)) {
            System.err.println("Only " + replayServer.clientCount() + " of " + readers
                    + " readers connected to the replay; replaying anyway.");
        }
        try {
            LineSource lines = options.replay != null
                    ? LineSource.file(options.replay, options.rate, options.loop)
                    : LineSource.randomInts(options.random, Duration.ofNanos(Math.round(1e9 / options.rate)));
            SentLines listener = sentLines;
            feeder = replayServer.feed(listener == null ? lines : new ReportedLines(lines, listener));
        } catch (IOException e) {
            throw new LabUsageException("Cannot read " + options.replay + ": " + e.getMessage());
        }
    }

    /**
     * Who is told of each line the built-in line server sends from now on (null: nobody). Read when the
     * replay starts ({@link #replayTo}).
     */
    public static void whenSent(SentLines listener) {
        sentLines = listener;
    }

    @Override
    public void close() {
        if (feeder != null) {
            feeder.stop();
        }
        if (replayServer != null) {
            replayServer.close();
        }
    }
}
