package streamlab.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One very short run of the real benchmark (real Spark, real netcat-sim sockets) at one low rate, both APIs, the
 * stateless query: it checks what it writes, never how fast anything was. The figures are the benchmark's own job.
 */
class BenchmarkSmokeTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesATableRowPerApiAndAPicture(@TempDir Path out) throws IOException {
        int status = Benchmark.run(
                "--rates",
                "200",
                "--warmup",
                "1",
                "--seconds",
                "2",
                "--jvm-warmup",
                "0",
                "--apis",
                "dstream,structured",
                "--queries",
                "stateless",
                "--source",
                "socket",
                "--out",
                out.toString());

        assertThat(status).isZero();
        String results = Files.readString(out.resolve("results.md"));
        assertThat(results).contains("| rate (lines/s) | API | query | sustained |");
        assertThat(results.lines().filter(line -> line.startsWith("| 200 |")))
                .hasSize(2)
                .anyMatch(row -> row.matches("\\| 200 \\| DStream \\| stateless \\| (yes|no: [^|]+) \\|.*"))
                .anyMatch(row -> row.matches("\\| 200 \\| Structured \\| stateless \\| (yes|no: [^|]+) \\|.*"));
        byte[] png = Files.readAllBytes(out.resolve("latency.png"));
        assertThat(png).startsWith(PNG_SIGNATURE);
    }

    @Test
    void refusesABadOptionWithExitStatus2() {
        assertThat(Benchmark.run("--batch", "3")).isEqualTo(2);
        assertThat(Benchmark.run("--rates", "fast")).isEqualTo(2);
        assertThat(Benchmark.run("--apis", "continuous", "--queries", "windowed"))
                .isEqualTo(2);
        assertThat(Benchmark.run("--source", "files")).isEqualTo(2);
        assertThat(Benchmark.run("--source", "socket", "--apis", "realtime")).isEqualTo(2);
    }
}
