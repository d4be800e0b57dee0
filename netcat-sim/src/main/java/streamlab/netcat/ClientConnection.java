package streamlab.netcat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One connected client: its own bounded queue of lines, a writer thread that empties the queue into the socket,
 * and a reader thread that notices when the client goes away.
 *
 * <p>The writer flushes whenever its queue is empty, so a line never waits in a buffer, while a fast replay still
 * goes out in large writes. When the queue is full, {@link #offer} waits for room, but only while the client keeps
 * reading: a client that frees no room for {@code dropAfter} is dropped.
 */
final class ClientConnection {

    private static final int WRITE_BATCH = 4096;

    private final Socket socket;
    private final String name;
    private final ArrayBlockingQueue<String> queue;
    private final long dropAfterNanos;
    private final BiConsumer<ClientConnection, String> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object flushed = new Object();
    private final Thread writer;
    private final Thread reader;

    private volatile long lastProgressNanos = System.nanoTime();
    private volatile long linesWritten;
    /** Lines accepted into the queue; written only by the (single) sending thread. */
    private volatile long linesQueued;

    ClientConnection(
            Socket socket, int queueCapacity, long dropAfterNanos, BiConsumer<ClientConnection, String> onClose) {
        this.socket = socket;
        this.name = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.dropAfterNanos = dropAfterNanos;
        this.onClose = onClose;
        this.writer = new Thread(this::writeLoop, "netcat-writer-" + name);
        this.reader = new Thread(this::readLoop, "netcat-reader-" + name);
        writer.setDaemon(true);
        reader.setDaemon(true);
    }

    void start() {
        writer.start();
        reader.start();
    }

    String name() {
        return name;
    }

    long linesWritten() {
        return linesWritten;
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * Queues a line. Waits while the queue is full and the client keeps reading; drops the client if it frees no
     * room for {@code dropAfter}.
     *
     * @return whether the line was queued
     */
    boolean offer(String line) throws InterruptedException {
        if (closed.get()) {
            return false;
        }
        if (!queue.offer(line)) {
            long waitStart = System.nanoTime();
            while (!queue.offer(line, 20, TimeUnit.MILLISECONDS)) {
                if (closed.get()) {
                    return false;
                }
                long stuckSince = Math.max(waitStart, lastProgressNanos);
                if (System.nanoTime() - stuckSince > dropAfterNanos) {
                    close("dropped: it read nothing for " + Durations.format(Duration.ofNanos(dropAfterNanos))
                            + " and fell " + queue.size() + " lines behind");
                    return false;
                }
            }
        }
        linesQueued++;
        return true;
    }

    /** Waits until every queued line has been written and flushed to the socket, or the client is gone. */
    boolean awaitFlushed(long deadlineNanos) throws InterruptedException {
        synchronized (flushed) {
            while (!closed.get() && linesWritten < linesQueued) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(flushed, left);
            }
            return true;
        }
    }

    private void writeLoop() {
        List<String> batch = new ArrayList<>(WRITE_BATCH);
        long written = 0;
        try (Writer out =
                new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            while (!closed.get()) {
                if (queue.drainTo(batch, WRITE_BATCH) == 0) {
                    out.flush();
                    publishWritten(written);
                    batch.add(queue.take());
                    queue.drainTo(batch, WRITE_BATCH - 1);
                }
                lastProgressNanos = System.nanoTime();
                for (String line : batch) {
                    out.write(line);
                    out.write('\n');
                }
                written += batch.size();
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close("gone (" + e.getMessage() + ")");
        }
    }

    private void publishWritten(long written) {
        synchronized (flushed) {
            linesWritten = written;
            flushed.notifyAll();
        }
    }

    /** Reads (and ignores) whatever the client sends, to notice at once when it disconnects. */
    private void readLoop() {
        byte[] buffer = new byte[1024];
        try {
            InputStream in = socket.getInputStream();
            while (in.read(buffer) >= 0) {
                // clients of this server only listen; anything they send is ignored
            }
            close("disconnected");
        } catch (IOException e) {
            close("disconnected (" + e.getMessage() + ")");
        }
    }

    /** Closes the connection once; later calls do nothing. */
    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        writer.interrupt();
        queue.clear();
        synchronized (flushed) {
            flushed.notifyAll();
        }
        onClose.accept(this, reason);
    }
}
