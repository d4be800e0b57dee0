package streamlab.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM the test starts (a Spark Master, a Worker, a driver): its output and error streams, merged, are
 * copied to a log file and kept, so that the test can wait until a line appears. Closing it stops the
 * JVM and every process it started (a Worker's executors).
 */
@SuppressWarnings("try") // close() waits for the JVM to end and lets an interrupt through instead of swallowing it
final class ChildJvm implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> lines = new ArrayList<>(); // guarded by this
    private boolean ended; // guarded by this
    private final Thread stopOnExit;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        // if the test JVM itself is stopped (Ctrl-C, a build time-out), the child goes with it
        this.stopOnExit = new Thread(this::stopNow, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Thread reader = new Thread(this::copyOutput, "output-of-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code java [jvmOptions] -cp classPath mainClass [args]} with {@code env} added to this
     * process's environment; its output goes to {@code logDir/name.log} as well.
     */
    static ChildJvm start(
            String name,
            List<String> jvmOptions,
            String classPath,
            String mainClass,
            List<String> args,
            Map<String, String> env,
            Path logDir)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Files.createDirectories(logDir);
        return new ChildJvm(name, builder.start(), logDir.resolve(name + ".log"));
    }

    /**
     * Waits until the JVM has printed a line in which {@code pattern} is found (a line printed before the
     * call counts too), and returns the match; fails with the end of its output if the time runs out or
     * the JVM ends first.
     */
    synchronized Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                Matcher matcher = pattern.matcher(lines.get(checked));
                if (matcher.find()) {
                    return matcher;
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("The " + name + " printed no line with \"" + pattern + "\" "
                        + (ended ? "before it ended" : "within " + timeout)
                        + ". Its last lines (all of them in " + log + "):\n" + tail(40));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every line printed so far. */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the JVM and the processes it started: politely first (their shutdown hooks run), then by force. */
    @Override
    public void close() throws InterruptedException {
        stopNow();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: nothing to remove
        }
    }

    private void stopNow() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void copyOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of the " + name, e);
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
