package streamlab.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A lab program run as a process of its own, as a user runs it: a real JVM with the test's classpath, the
 * environment it is given (COLUMNS, say), and its standard output read line by line as it comes.
 */
final class LabProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Thread reader;

    private LabProcess(Process process) {
        this.process = process;
        this.reader = reader(process.getInputStream(), lines, "lab-process-output");
        reader(process.getErrorStream(), errors, "lab-process-errors");
    }

    /**
     * Spark's Java 17 module options, as the lab scripts pass them ({@code .mvn/spark-jvm.options} of the
     * repository, found above the working directory): a window's DStream needs them for Kryo.
     */
    private static Path sparkJvmOptions() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path options = dir.resolve(".mvn/spark-jvm.options");
            if (Files.isRegularFile(options)) {
                return options;
            }
        }
        throw new IllegalStateException(
                "no .mvn/spark-jvm.options above " + Path.of("").toAbsolutePath());
    }

    private static Thread reader(InputStream from, List<String> into, String name) {
        Thread reader = new Thread(() -> read(from, into), name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Starts {@code main} with {@code args}, in the repository's folder, with {@code env} added. */
    static LabProcess start(Class<?> main, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "@" + sparkJvmOptions(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return new LabProcess(builder.start());
    }

    private static void read(InputStream from, List<String> into) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                synchronized (into) {
                    into.add(line);
                    into.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    /** The first line that matches, once it has been printed (empty if the time ran out or the program ended). */
    Optional<String> awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                Optional<String> found = lines.stream().filter(wanted).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0 || !reader.isAlive()) {
                    return found;
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the program to end by itself; its exit status, or empty if the time ran out. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        reader.join(timeout.toMillis());
        return Optional.of(process.exitValue());
    }

    /** Everything printed so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** What the program wrote to its error stream so far (for the messages of failed assertions). */
    String errors() {
        synchronized (errors) {
            return String.join("\n", errors);
        }
    }

    /**
     * Asks the program to stop, as {@code kill} does: SIGTERM (on Linux and macOS). Through its handle:
     * {@link Process#destroy()} would also close the pipes, and what the program prints as it stops be lost.
     */
    void stop() {
        process.toHandle().destroy();
    }

    @Override
    public void close() {
        process.destroy();
    }
}
