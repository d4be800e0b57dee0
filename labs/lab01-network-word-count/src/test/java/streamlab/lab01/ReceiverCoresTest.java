package streamlab.lab01;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.harness.Repository;

/**
 * Given, not graded: a receiver holds a core for as long as it runs (question 4 of the lab's README). With
 * one receiver on {@code local[2]} a batch is counted while the receiver runs; on {@code local[1]} the
 * receiver holds the only core, and the batch's job, submitted, waits until the receiver stops. Each run is a
 * JVM of its own ({@link ReceiverOnCores}): one JVM holds one SparkContext, and this one's is on
 * {@code local[2]}.
 */
class ReceiverCoresTest {

    /** A bound for a whole child run (a cold JVM and Spark's start on a busy machine), not a wait. */
    private static final long RUN_SECONDS = 180;

    @TempDir
    Path work;

    @Test
    void with_a_core_more_than_receivers_the_batch_is_counted_while_the_receiver_runs() throws Exception {
        assertThat(run("local[2]"))
                .contains("local[2]: the receiver stored 3 lines; their batch's job is submitted")
                .contains("local[2]: 3 lines counted while the receiver runs");
    }

    @Test
    void with_one_core_the_batch_waits_until_the_receiver_gives_its_core_back() throws Exception {
        assertThat(run("local[1]"))
                .contains("local[1]: the receiver stored 3 lines; their batch's job is submitted")
                .contains("local[1]: 3 lines counted only after the receiver stopped")
                .doesNotContain("counted while the receiver runs");
    }

    private List<String> run(String master) throws IOException, InterruptedException {
        Path output = work.resolve("output.txt");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "@" + Repository.root().resolve(".mvn/spark-jvm.options"),
                        "-cp",
                        classPath,
                        ReceiverOnCores.class.getName(),
                        master)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!child.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("The run on " + master + " did not end within " + RUN_SECONDS + " s: "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(child.exitValue())
                .as("exit status of the run on %s, output %s", master, lines)
                .isZero();
        return lines;
    }
}
