package streamlab.netcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    private static final int LINES = 1_000_000;

    @Test
    void aMillionLineReplayReachesTheClientWithNoLoss(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("million.txt");
        CRC32 expected = new CRC32();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                String line = "event " + i + " user-" + (i % 977) + " amount=" + (i * 31 % 10_000);
                out.write(line);
                out.write('\n');
                expected.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }

        try (NetcatServer server = NetcatServer.start(0);
                LineClient client = LineClient.counting(server.port())) {
            Feeder feeder = server.replay(file, 0, false);

            assertThat(feeder.await(Duration.ofSeconds(60))).isTrue();
            assertThat(client.awaitLines(LINES, Duration.ofSeconds(60))).isTrue();
            assertThat(feeder.failure()).isEmpty();
            assertThat(feeder.linesFed()).isEqualTo(LINES);
            assertThat(server.linesSent()).isEqualTo(LINES);
            assertThat(client.count()).isEqualTo(LINES);
            assertThat(client.checksum()).isEqualTo(expected.getValue());
        }
    }

    @Test
    void aLoopingReplayStartsAgainFromTheTop(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("three.txt");
        Files.writeString(file, "a\nb\nc\n");
        try (NetcatServer server = NetcatServer.start(0);
                LineClient client = LineClient.connect(server.port())) {
            Feeder feeder = server.replay(file, 0, true);
            assertThat(client.awaitLines(7, Duration.ofSeconds(20))).isTrue();
            feeder.stop();
            assertThat(feeder.await(Duration.ofSeconds(20))).isTrue();
            assertThat(client.lines().subList(0, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
        }
    }

    @Test
    void aRateSpacesTheLinesOut(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("five.txt");
        Files.writeString(file, "1\n2\n3\n4\n5\n6\n");
        try (NetcatServer server = NetcatServer.start(0);
                LineClient client = LineClient.connect(server.port())) {
            assertThat(server.awaitClients(1, Duration.ofSeconds(20))).isTrue();
            long start = System.nanoTime();
            Feeder feeder = server.replay(file, 50, false); // 6 lines, 5 gaps of 20 ms
            assertThat(feeder.await(Duration.ofSeconds(20))).isTrue();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(client.awaitLines(6, Duration.ofSeconds(20))).isTrue();
            assertThat(elapsedMs).isGreaterThanOrEqualTo(95);
            assertThat(client.lines()).containsExactly("1", "2", "3", "4", "5", "6");
        }
    }
}
