package streamlab.netcat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/** A real socket client for tests: a thread reads lines and keeps them (or only counts them), others wait on it. */
final class LineClient implements AutoCloseable {

    private final Socket socket;
    private final boolean keepLines;
    private final Thread thread;
    private final List<String> lines = new ArrayList<>();
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean ended;

    private LineClient(int port, boolean keepLines) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        this.keepLines = keepLines;
        this.thread = new Thread(this::readLoop, "test-client-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** A client that keeps every line it reads. */
    static LineClient connect(int port) throws IOException {
        return new LineClient(port, true);
    }

    /** A client that only counts lines and checksums them (for big replays). */
    static LineClient counting(int port) throws IOException {
        return new LineClient(port, false);
    }

    private void readLoop() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    if (keepLines) {
                        lines.add(line);
                    }
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                    crc.update('\n');
                    count++;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // closed by the test or by the server: the end of this client
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** Waits until this client has read at least {@code n} lines; false if the time ran out or the stream ended. */
    synchronized boolean awaitLines(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < n && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return count >= n;
    }

    /** Waits until the server closes this connection. */
    synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized long count() {
        return count;
    }

    synchronized long checksum() {
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
