package streamlab.netcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What a run printed and returned. */
    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static NetcatOptions.Settings parse(String... args) {
        CommandLine cli = Main.commandLine(System.in, System.err);
        cli.parseArgs(args);
        return ((NetcatCommand) cli.getCommand()).options.settings();
    }

    @Test
    void readsNcStyleFlags() {
        assertThat(parse("-lk", "9999"))
                .isEqualTo(new NetcatOptions.Settings("127.0.0.1", 9999, 1, Duration.ofSeconds(5)));
        assertThat(parse("-l", "-k", "9999").port()).isEqualTo(9999);
        assertThat(parse("-l", "-p", "9999").port()).isEqualTo(9999);
        assertThat(parse("-lkp", "9999").port()).isEqualTo(9999);
        assertThat(parse("-lk", "-p", "9999", "9999").port()).isEqualTo(9999);
        assertThat(parse("-lkq", "9999").port()).isEqualTo(9999);
        assertThat(parse("-lkvn", "9999").port()).isEqualTo(9999);
        assertThat(parse("-l", "localhost", "9999").host()).isEqualTo("localhost");
        assertThat(parse("-lk", "9999", "--bind", "0.0.0.0").host()).isEqualTo("0.0.0.0");
        assertThat(parse("-lk", "9999", "--no-wait").waitForClients()).isZero();
        assertThat(parse("-lk", "9999", "--wait-for", "2").waitForClients()).isEqualTo(2);
        assertThat(parse("-lk", "9999", "--drop-after", "500ms").dropAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readsEveryMode() {
        CommandLine cli = Main.commandLine(System.in, System.err);
        cli.parseArgs("-lk", "9999", "--random", "-5..5", "--every", "0.5s", "--seed", "7");
        NetcatOptions options = ((NetcatCommand) cli.getCommand()).options;
        assertThat(options.random).isEqualTo(new IntRange(-5, 5));
        assertThat(options.every).isEqualTo(Duration.ofMillis(500));
        assertThat(options.seed).isEqualTo(7L);

        cli = Main.commandLine(System.in, System.err);
        cli.parseArgs("-lk", "9999", "--file", "data.txt", "--rate", "2.5", "--loop");
        options = ((NetcatCommand) cli.getCommand()).options;
        assertThat(options.file).isEqualTo(Path.of("data.txt"));
        assertThat(options.rate).isEqualTo(2.5);
        assertThat(options.loop).isTrue();
    }

    @Test
    void helpShowsExamplesAndExitsZero() {
        Result result = run("--help");
        assertThat(result.status()).isZero();
        assertThat(result.out())
                .contains("Usage: nc", "--random 0..10 --every 2s", "--rate 5 --loop", "+0.5s hello world");
    }

    @Test
    void badCommandLinesGiveOneClearLineAndStatusTwo() {
        assertUsageError(run("-lk", "9999", "--frobnicate"), "Unknown option: '--frobnicate'");
        assertUsageError(run("-lk"), "which port? give one, e.g. nc -lk 9999");
        assertUsageError(run("-lk", "99999"), "bad port '99999'");
        assertUsageError(run("-lk", "9999", "--file", "x", "--rate", "fast"), "bad rate 'fast'");
        assertUsageError(run("-lk", "9999", "--file", "x", "--rate", "-2"), "bad rate '-2'");
        assertUsageError(run("-lk", "9999", "--random", "10..0"), "bad range '10..0': LO must not be above HI");
        assertUsageError(run("-lk", "9999", "--random", "0-10"), "bad range '0-10'");
        assertUsageError(run("-lk", "9999", "--random", "0..10", "--every", "2"), "bad duration '2'");
        assertUsageError(run("-lk", "9999", "--random", "0..10", "--every", "0s"), "bad --every '0s'");
        assertUsageError(run("-lk", "9999", "--rate", "5"), "--rate goes with --file");
        assertUsageError(
                run("-lk", "9999", "--file", "a", "--random", "0..1"), "choose one of --file, --random and --script");
        assertUsageError(run("-lk", "9999", "--no-wait", "--wait-for", "2"), "choose either --no-wait or --wait-for");
        assertUsageError(run("-lk", "1", "2", "3"), "too many arguments");
        assertUsageError(run("-lk", "-p", "1", "2"), "two different ports");
    }

    private static void assertUsageError(Result result, String message) {
        assertThat(result.status()).as(result.err()).isEqualTo(Main.USAGE);
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).startsWith("netcat-sim: ").contains(message);
    }

    @Test
    void aPortInUseIsOneClearLineAndStatusOne() throws IOException {
        try (NetcatServer taken = NetcatServer.start(0)) {
            int port = taken.port();
            Result result = run("-lk", Integer.toString(port));
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("netcat-sim: port " + port + " is already in use on 127.0.0.1:"
                            + " stop the other server or pick another port with -p" + System.lineSeparator());
        }
    }

    @Test
    void aMissingFileOrBadScriptLineIsOneClearLineAndStatusOne(@TempDir Path dir) throws IOException {
        Result missing = run("-lk", "0", "--file", dir.resolve("nope.txt").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err())
                .isEqualTo("netcat-sim: cannot read " + dir.resolve("nope.txt") + ": no such file"
                        + System.lineSeparator());

        Path script = Files.writeString(dir.resolve("bad.script"), "# demo\n+1s fine\n+2x broken\n");
        Result bad = run("-lk", "0", "--script", script.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("netcat-sim: bad line 3 in script " + script + ": bad duration '2x'");
        assertThat(bad.err().lines()).hasSize(1);
    }

    @Test
    void servesStandardInputToAClientAndExitsAtTheEndWithN() throws Exception {
        Awaitable err = new Awaitable();
        AtomicInteger status = new AtomicInteger(-1);
        byte[] input = "hello\nworld\n".getBytes(StandardCharsets.UTF_8);
        Thread cli = new Thread(() -> status.set(Main.run(
                new ByteArrayInputStream(input),
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                "-lkN",
                "0")));
        cli.start();

        Matcher listening = err.await(Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)"), TIMEOUT);
        int port = Integer.parseInt(listening.group(1));
        try (LineClient client = LineClient.connect(port)) {
            assertThat(client.awaitEnd(TIMEOUT)).isTrue();
            cli.join(TIMEOUT.toMillis());
            assertThat(status.get()).isZero();
            assertThat(client.lines()).containsExactly("hello", "world");
            assertThat(err.toString()).contains("connected", "end of input: 2 lines sent");
        }
    }

    /** Collects what the CLI prints and lets a test wait for a pattern to show up. */
    private static final class Awaitable extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            notifyAll();
        }

        synchronized Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Matcher m = pattern.matcher(toString());
                if (m.find()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + pattern + " in: " + this);
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        @Override
        public synchronized String toString() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
