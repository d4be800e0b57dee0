package streamlab.lab12;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import streamlab.harness.Repository;
import streamlab.support.MissingSolutionException;

/**
 * The lab program in a JVM of its own, as a student starts it:
 * {@code java @.mvn/spark-jvm.options -cp <this JVM's class path> streamlab.lab12.Lab12 ...}. The test reads
 * its output line by line, waits for the lines it needs (no sleeping: a bounded wait for each), and
 * kills it like {@code kill -9} ({@link Process#destroyForcibly()} is SIGKILL on Linux).
 */
final class ChildProgram implements AutoCloseable {

    /** How long a line may take: a cold JVM, Spark's start and a first micro-batch on a busy machine. */
    static final long WAIT_SECONDS = 180;

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private int read;

    private ChildProgram(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(this::readAll, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code streamlab.lab12.Lab12} with these arguments, in {@code workDir}. */
    static ChildProgram start(String name, Path workDir, String... args) {
        Path root = Repository.root();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "@" + root.resolve(".mvn/spark-jvm.options"),
                "-cp",
                classPath,
                "streamlab.lab12.Lab12"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new ChildProgram(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits for the next line (after those already waited for) that {@code wanted} accepts, and returns
     * it. A program that ends first, or says that an exercise is not written yet, ends the wait.
     */
    synchronized String awaitLine(String what, Predicate<String> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            for (; read < lines.size(); read++) {
                String line = lines.get(read);
                if (line.contains("Not implemented yet.")) {
                    kill();
                    Assumptions.abort(line.substring(line.indexOf("Not implemented yet.")));
                }
                if (wanted.test(line)) {
                    read++;
                    return line;
                }
            }
            if (!process.isAlive() && lines.size() == read && readerDone) {
                throw new AssertionError(name + " ended (exit status " + process.exitValue() + ") before " + what
                        + ". Its output:\n" + output());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        name + ": no line " + what + " within " + WAIT_SECONDS + " s. Its output:\n" + output());
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for a line that contains {@code text}. */
    String awaitLine(String text) {
        return awaitLine("\"" + text + "\"", line -> line.contains(text));
    }

    /** Kills the program at once, like {@code kill -9}: no shutdown hook, no clean stop of anything. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " did not end within 60 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything it printed so far. */
    synchronized String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private volatile boolean readerDone;

    private void readAll() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the process was killed: its output ends here
        } finally {
            readerDone = true;
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Runs {@code reference} (an exercise run in this JVM); an exercise not written yet skips the test. */
    static <T> T orSkip(java.util.function.Supplier<T> reference) {
        try {
            return reference.get();
        } catch (RuntimeException e) {
            String missing = MissingSolutionException.messageOf(e);
            Assumptions.assumeTrue(missing == null, missing);
            throw e;
        }
    }
}
