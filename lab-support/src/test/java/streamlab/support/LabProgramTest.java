package streamlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a student sees when a lab cannot start: one sentence, and a non-zero exit. */
class LabProgramTest {

    private static LabOptions options(String... args) {
        LabOptions o = new LabOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
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
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = LabProgram.of("Lab test",
                        options("--port", String.valueOf(port), "--api", api, "--batch", "1", "--seconds", "60"))
                .dstream((ssc, lines) -> lines.print())
                .structured(lines -> lines.writeStream().format("console"))
                .run());
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("Nothing is listening on localhost:" + port, "netcat-sim/nc -lk " + port, "--replay")
                .doesNotContain("Exception");
    }

    @Test
    void a_missing_replay_file_is_one_clear_sentence() {
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = LabProgram.of("Lab test", options("--replay", "no/such/file.txt"))
                .dstream((ssc, lines) -> lines.print())
                .run());
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("Cannot read no/such/file.txt").hasLineCount(1);
    }

    @Test
    void bad_numbers_are_refused_before_anything_starts() {
        int[] status = new int[1];
        String err = stderrOf(() -> status[0] = LabProgram.of("Lab test", options("--batch", "0"))
                .dstream((ssc, lines) -> lines.print())
                .run());
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("--batch must be at least 1 second");
    }

    @Test
    void java_25_and_later_is_refused_with_the_reason() {
        assertThat(JavaVersionCheck.problem(17)).isNull();
        assertThat(JavaVersionCheck.problem(21)).isNull();
        assertThat(JavaVersionCheck.problem(25)).contains("getSubject is not supported", "JDK 17");
        assertThat(JavaVersionCheck.problem(11)).contains("too old");
    }
}
