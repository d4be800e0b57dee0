package streamlab.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import streamlab.harness.Repository;
import streamlab.support.Api;

/**
 * How a grading JVM starts: a fresh {@code java} running {@link SuiteRunner} on some labs' graded tests.
 *
 * @param root         the repository (for Spark's module options and the datasets the tests read)
 * @param testTimeout  the time limit of each test
 * @param api          the tests of which API
 * @param onlyTests    only these tests (keys such as {@code lab01.dstream.some_test}); all when empty
 * @param archive      the class-data archive to map, when there is one
 */
record GradingJvm(Path root, Duration testTimeout, Api api, Set<String> onlyTests, Optional<Path> archive) {

    /** The options of every grading JVM (and of the run that records their classes); the heap fits the machine. */
    static List<String> options(Path root) {
        return List.of(
                "-Xmx" + MachineSize.gradingHeap(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", // a test run is short: C2's compile threads cost more than they give
                "@" + root.resolve(".mvn/spark-jvm.options"), // Spark's module options
                "-D" + Repository.PROPERTY + "=" + root.toAbsolutePath()); // tests that read datasets/
    }

    /**
     * Starts grading JVM number {@code n} on {@code labs} (those it claims first in {@code dir}/claims, when
     * {@code shared}), with {@code jvmOptions} besides its own; it writes results-n.jsonl, run-n.log, junit-n/
     * in {@code dir}.
     */
    Process start(Path dir, int n, String classpath, List<String> labs, boolean shared, List<String> jvmOptions)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options(root));
        if (MachineSize.small()) {
            // in a small container the heap gives back what a full collection frees (the serial collector's rule)
            command.addAll(List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
        }
        archive.ifPresent(jsa -> {
            command.addAll(ClassDataArchive.QUIET);
            command.add("-XX:SharedArchiveFile=" + jsa);
        });
        command.addAll(jvmOptions);
        command.add("-Djunit.jupiter.execution.timeout.default=" + testTimeout.toSeconds() + " s");
        command.add("-Djunit.jupiter.execution.timeout.thread.mode.default=SEPARATE_THREAD");
        if (!onlyTests.isEmpty()) {
            command.add("-D" + SuiteRunner.ONLY_PROPERTY + "=" + String.join(",", onlyTests));
        }
        command.add("-cp");
        command.add(classpath);
        command.add(SuiteRunner.class.getName());
        command.add(dir.resolve("results-" + n + ".jsonl").toString());
        command.add(dir.resolve("junit-" + n).toString());
        command.add(api.label());
        command.add(shared ? dir.resolve("claims").toString() : "-");
        command.addAll(labs);
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run-" + n + ".log").toFile())
                .start();
    }
}
