package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a student sees when a lab program runs, or cannot: its output, or one sentence and a non-zero exit. */
class LabMainTest {

    private record Run(int status, String out, String err) {}

    private static Run run(EchoLab lab, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            // DStream's print() writes to Scala's Console, which does not follow System.setOut
            int status = scala.Console.withOut(System.out, () -> LabMain.exitCode(lab, args));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: nothing listens there now
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dstream", "structured"})
    void nothing_listening_says_how_to_start_the_line_server(String api) throws IOException {
        int port = freePort();
        Run run = run(new EchoLab(), "--port", String.valueOf(port), "--api", api, "--batch", "1", "--seconds", "60");
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("Nothing is listening on localhost:" + port, "netcat-sim/nc -lk " + port, "--replay")
                .doesNotContain("Exception");
    }

    @Test
    void a_replay_reaches_both_apis_and_the_program_stops_by_itself(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "first line\nsecond line\n");
        Run run = run(
                new EchoLab(),
                "--replay",
                text.toString(),
                "--rate",
                "20",
                "--port",
                String.valueOf(freePort()),
                "--batch",
                "1",
                "--seconds",
                "6",
                "--view",
                "plain");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Spark UI:", "replaying " + text, "running for 6 s", "stopped.");
        assertThat(run.out()).contains("Time: "); // the DStream print() block, as Spark prints it
        assertThat(run.out()).contains("Batch: ", "|second line|"); // the console sink's table
    }

    @Test
    void a_part_not_written_yet_is_skipped_with_its_hint_and_the_other_runs() throws IOException {
        Path text = Files.createTempFile("echo", ".txt");
        Files.writeString(text, "a line\n");
        EchoLab lab = new EchoLab();
        lab.dstreamMissing = true;
        Run run = run(lab, "--replay", text.toString(), "--port", String.valueOf(freePort()), "--seconds", "3");
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("dstream part skipped: Not implemented yet. Echo lab: the DStream part.");
        Run none = run(lab, "--api", "dstream", "--replay", text.toString(), "--port", String.valueOf(freePort()));
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("Nothing to run yet: fill in the TODOs of the dstream part first.");
    }

    @Test
    void a_missing_replay_file_is_one_clear_sentence() {
        Run run = run(new EchoLab(), "--replay", "no/such/file.txt");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Cannot read no/such/file.txt").hasLineCount(1);
    }

    @Test
    void bad_options_are_refused_before_anything_starts() {
        Run batch = run(new EchoLab(), "--batch", "0", "--replay", "no/such/file.txt");
        assertThat(batch.status()).isEqualTo(2);
        Run api = run(new EchoLab(), "--api", "neither");
        assertThat(api.status()).isEqualTo(2);
        assertThat(api.err()).contains("--api");
        Run view = run(new EchoLab(), "--view", "sideways");
        assertThat(view.status()).isEqualTo(2);
        assertThat(view.err()).contains("--view", "sideways");
        Run seconds = run(new EchoLab(), "--seconds", "-1");
        assertThat(seconds.status()).isEqualTo(2);
        assertThat(seconds.err()).contains("--seconds must be 0");
        Run twice = run(new EchoLab(), "--seconds", "5", "--seconds", "-1");
        assertThat(twice.err())
                .as("an option given twice: the later value counts")
                .contains("--seconds must be 0");
    }

    @Test
    void java_17_to_25_runs_older_is_refused_newer_is_warned() {
        for (int feature : new int[] {17, 21, 25}) {
            assertThat(JavaVersionCheck.problem(feature)).as("Java %d", feature).isNull();
            assertThat(JavaVersionCheck.warning(feature)).as("Java %d", feature).isNull();
        }
        assertThat(JavaVersionCheck.problem(11)).contains("too old", "JDK 17, 21 or 25");
        assertThat(JavaVersionCheck.problem(26))
                .as("newer than tested: a warning, not a refusal")
                .isNull();
        assertThat(JavaVersionCheck.warning(26)).contains("Java 26", "newer than this lab was tested on");
    }
}
