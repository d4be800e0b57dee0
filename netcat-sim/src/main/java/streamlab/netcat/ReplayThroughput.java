package streamlab.netcat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast a full-speed file replay reaches 1 and 3 clients, each a real socket read by its own thread.
 *
 * <pre>
 * java -cp netcat-sim/target/netcat-sim.jar streamlab.netcat.ReplayThroughput [LINES [RUNS [FILE]]]
 * </pre>
 *
 * Without FILE it writes LINES lines like {@code line 0000001: the quick brown fox jumps over} (45 bytes each, the
 * same as {@code seq -f 'line %07.0f: the quick brown fox jumps over' 1 LINES}) to a temporary file.
 */
public final class ReplayThroughput {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private ReplayThroughput() {}

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = args.length > 2 ? Path.of(args[2]) : writeFile(lines);
        long expected = countLines(file);
        System.out.printf(
                "netcat-sim benchmark: %,d lines (%.1f MB) replayed at full speed from %s%n",
                expected, Files.size(file) / 1e6, file);
        System.out.printf(
                "Java %s, %d cores; %d runs per row after one warm-up run%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs);
        System.out.printf("%-8s %16s %16s %12s%n", "clients", "best lines/s", "median lines/s", "median time");
        for (int clients : new int[] {1, 3}) {
            run(file, expected, clients); // warm-up
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                seconds[i] = run(file, expected, clients);
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            System.out.printf(
                    "%-8d %,16.0f %,16.0f %10.2f s%n", clients, expected / seconds[0], expected / median, median);
        }
        if (args.length <= 2) {
            Files.deleteIfExists(file);
        }
    }

    /** One replay of the whole file to {@code clients} clients; returns the seconds until the last one had it all. */
    private static double run(Path file, long expected, int clients) throws Exception {
        try (NetcatServer server =
                NetcatServer.builder().waitForClients(clients).start()) {
            CountDownLatch done = new CountDownLatch(clients);
            AtomicLong lastDone = new AtomicLong();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                sockets.add(socket);
                Thread reader = new Thread(
                        () -> {
                            if (countUntil(socket, expected) == expected) {
                                lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                            }
                            done.countDown();
                        },
                        "benchmark-client-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            if (!server.awaitClients(clients, TIMEOUT)) {
                throw new IllegalStateException("clients did not connect");
            }
            long start = System.nanoTime();
            Feeder feeder = server.replay(file, 0, false);
            if (!done.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || lastDone.get() == 0) {
                throw new IllegalStateException("a client did not get every line");
            }
            feeder.await();
            for (Socket socket : sockets) {
                socket.close();
            }
            return (lastDone.get() - start) / 1e9;
        }
    }

    /** Reads until {@code expected} line breaks have arrived (or the stream ends); returns how many did. */
    private static long countUntil(Socket socket, long expected) {
        byte[] buffer = new byte[1 << 16];
        long count = 0;
        try (InputStream in = socket.getInputStream()) {
            int n;
            while (count < expected && (n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        } catch (IOException e) {
            // counted what arrived
        }
        return count;
    }

    private static Path writeFile(int lines) throws IOException {
        Path file = Files.createTempFile("netcat-sim-benchmark", ".txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= lines; i++) {
                out.write(String.format("line %07d: the quick brown fox jumps over\n", i));
            }
        }
        return file;
    }

    private static long countLines(Path file) throws IOException {
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            return stream.count();
        }
    }
}
