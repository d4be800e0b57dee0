package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C, or {@code kill} (SIGTERM, which {@link Process#destroy()} sends on Linux and macOS): a lab program
 * in a process of its own stops quietly, says "stopped" and exits with 130, whether the signal comes while
 * its streams run or while it is still starting them.
 */
class StopSignalTest {

    private static final List<String> TEXT = List.of("alpha gamma", "delta omega", "alpha sigma");
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static void stopWhen(Path dir, Predicate<String> printed, String... options)
            throws IOException, InterruptedException {
        Path text = dir.resolve("text.txt");
        Files.write(text, TEXT);
        List<String> args = new ArrayList<>(List.of("--replay", text.toString(), "--rate", "20", "--port", "0"));
        args.addAll(List.of(options));
        try (LabProcess lab = LabProcess.start(EchoLab.class, Map.of("COLUMNS", "160"), args.toArray(String[]::new))) {
            assertThat(lab.awaitLine(printed, PATIENCE))
                    .as("%s\n%s", lab.lines(), lab.errors())
                    .isPresent();
            lab.stop();
            assertThat(lab.awaitExit(PATIENCE))
                    .as("%s\n%s", lab.lines(), lab.errors())
                    .contains(StopSignals.EXIT_STATUS);
            String out = String.join("\n", lab.lines());
            assertThat(lab.lines()).as(out).contains("== stopped.");
            assertThat(out + "\n" + lab.errors())
                    .as("what the user sees")
                    .doesNotContainIgnoringCase("error")
                    .doesNotContain("Exception", "stopped SparkContext");
        }
    }

    @Test
    void a_signal_while_the_streams_run_stops_them_as_the_end_of_seconds_does(@TempDir Path dir) throws Exception {
        stopWhen(dir, line -> line.contains("alpha gamma"), "--api", "both");
    }

    @Test
    void a_signal_with_one_api_and_plain_output_does_the_same(@TempDir Path dir) throws Exception {
        stopWhen(dir, line -> line.equals("alpha gamma"), "--api", "dstream", "--batch", "1");
    }

    @Test
    void a_signal_while_spark_is_still_starting_stops_the_program_quietly_too(@TempDir Path dir) throws Exception {
        stopWhen(dir, line -> line.startsWith("== Echo lab on "), "--api", "both");
    }
}
