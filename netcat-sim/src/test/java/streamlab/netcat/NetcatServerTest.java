package streamlab.netcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetcatServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static List<String> numbered(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
    }

    @Test
    void twoClientsBothReceiveEveryLineInOrder() throws Exception {
        try (NetcatServer server = NetcatServer.start("127.0.0.1", 0, true);
                LineClient a = LineClient.connect(server.port());
                LineClient b = LineClient.connect(server.port())) {
            assertThat(server.awaitClients(2, TIMEOUT)).isTrue();
            List<String> lines = numbered(0, 10_000);
            lines.forEach(server::send);

            assertThat(a.awaitLines(lines.size(), TIMEOUT)).isTrue();
            assertThat(b.awaitLines(lines.size(), TIMEOUT)).isTrue();
            assertThat(a.lines()).containsExactlyElementsOf(lines);
            assertThat(b.lines()).containsExactlyElementsOf(lines);
            assertThat(server.linesSent()).isEqualTo(lines.size());
            assertThat(server.linesDropped()).isZero();
        }
    }

    @Test
    void aClientLeavingMidStreamCostsTheOtherNothing() throws Exception {
        Log log = new Log();
        try (NetcatServer server = NetcatServer.builder().log(log::add).start();
                LineClient stays = LineClient.connect(server.port())) {
            LineClient leaves = LineClient.connect(server.port());
            assertThat(server.awaitClients(2, TIMEOUT)).isTrue();

            numbered(0, 500).forEach(server::send);
            assertThat(leaves.awaitLines(500, TIMEOUT)).isTrue();
            leaves.close();
            assertThat(log.await("disconnected", TIMEOUT)).isTrue(); // logged once the server has let it go
            assertThat(server.clientCount()).isEqualTo(1);
            numbered(500, 100_000).forEach(server::send);

            assertThat(stays.awaitLines(100_000, TIMEOUT)).isTrue();
            assertThat(stays.lines()).containsExactlyElementsOf(numbered(0, 100_000));
            assertThat(leaves.lines()).containsExactlyElementsOf(numbered(0, 500));
            assertThat(log.messages()).anyMatch(m -> m.contains("connected (2 connected)"));
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndTheOtherGetsEverything() throws Exception {
        Log log = new Log();
        try (NetcatServer server = NetcatServer.builder()
                        .queueCapacity(100)
                        .dropAfter(Duration.ofMillis(300))
                        .log(log::add)
                        .start();
                LineClient reads = LineClient.counting(server.port());
                Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
            assertThat(server.awaitClients(2, TIMEOUT)).isTrue();

            String payload = "x".repeat(200);
            int n = 200_000; // ~40 MB: far more than the socket buffers of the client that never reads
            for (int i = 0; i < n; i++) {
                server.send(payload);
            }

            assertThat(reads.awaitLines(n, TIMEOUT)).isTrue();
            assertThat(server.clientCount()).isEqualTo(1);
            assertThat(log.messages()).anyMatch(m -> m.contains("dropped: it read nothing for 300ms"));
        }
    }

    @Test
    void withoutWaitingLinesSentBeforeAnyClientAreDropped() throws Exception {
        try (NetcatServer server = NetcatServer.start("127.0.0.1", 0, false)) {
            server.send("nobody hears this");
            assertThat(server.linesDropped()).isEqualTo(1);
            try (LineClient client = LineClient.connect(server.port())) {
                assertThat(server.awaitClients(1, TIMEOUT)).isTrue();
                server.send("hello");
                assertThat(client.awaitLines(1, TIMEOUT)).isTrue();
                assertThat(client.lines()).containsExactly("hello");
                assertThat(server.linesSent()).isEqualTo(1);
            }
        }
    }

    @Test
    void aFeederWaitsForTheFirstClientSoNothingIsLost() throws Exception {
        try (NetcatServer server = NetcatServer.start(0)) {
            Feeder feeder = server.feed(LineSource.of("a", "b", "c"));
            assertThat(feeder.await(Duration.ofMillis(100))).isFalse(); // no client yet: nothing sent
            assertThat(feeder.linesFed()).isZero();
            try (LineClient client = LineClient.connect(server.port())) {
                assertThat(feeder.await(TIMEOUT)).isTrue();
                assertThat(client.awaitLines(3, TIMEOUT)).isTrue();
                assertThat(client.lines()).containsExactly("a", "b", "c");
                assertThat(feeder.failure()).isEmpty();
            }
        }
    }

    @Test
    void waitsForSeveralClientsWhenAskedTo() throws Exception {
        try (NetcatServer server = NetcatServer.builder().waitForClients(2).start()) {
            Feeder feeder = server.feed(LineSource.of("first", "second"));
            try (LineClient one = LineClient.connect(server.port())) {
                assertThat(server.awaitClients(1, TIMEOUT)).isTrue();
                assertThat(feeder.await(Duration.ofMillis(100))).isFalse();
                try (LineClient two = LineClient.connect(server.port())) {
                    assertThat(feeder.await(TIMEOUT)).isTrue();
                    assertThat(one.awaitLines(2, TIMEOUT)).isTrue();
                    assertThat(two.awaitLines(2, TIMEOUT)).isTrue();
                    assertThat(one.lines()).isEqualTo(two.lines()).containsExactly("first", "second");
                }
            }
        }
    }

    @Test
    void closingTheServerEndsEveryConnectionAfterDeliveringWhatWasDrained() throws Exception {
        NetcatServer server = NetcatServer.start(0);
        try (LineClient client = LineClient.connect(server.port())) {
            assertThat(server.awaitClients(1, TIMEOUT)).isTrue();
            numbered(0, 1000).forEach(server::send);
            assertThat(server.drain(TIMEOUT)).isTrue();
            server.close();
            assertThat(client.awaitEnd(TIMEOUT)).isTrue();
            assertThat(client.lines()).containsExactlyElementsOf(numbered(0, 1000));
            assertThat(server.clientCount()).isZero();
        }
    }

    @Test
    void aPortInUseGivesAClearMessage() throws Exception {
        try (NetcatServer first = NetcatServer.start(0)) {
            int port = first.port();
            assertThatThrownBy(() -> NetcatServer.start("127.0.0.1", port, true))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + port + " is already in use on 127.0.0.1:"
                            + " stop the other server or pick another port with -p");
        }
    }

    @Test
    void awaitClientsGivesUpAtTheDeadline() throws Exception {
        try (NetcatServer server = NetcatServer.start(0)) {
            assertThat(server.awaitClients(1, Duration.ofMillis(50))).isFalse();
            assertThat(server.clientCount()).isZero();
        }
    }

    @Test
    void linesFromSeveralThreadsReachEveryClientInTheSameOrder() throws Exception {
        try (NetcatServer server = NetcatServer.start(0);
                LineClient a = LineClient.connect(server.port());
                LineClient b = LineClient.connect(server.port())) {
            assertThat(server.awaitClients(2, TIMEOUT)).isTrue();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                Thread sender = new Thread(() -> numbered(0, 5000).forEach(l -> server.send(id + ":" + l)));
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            assertThat(a.awaitLines(20_000, TIMEOUT)).isTrue();
            assertThat(b.awaitLines(20_000, TIMEOUT)).isTrue();
            assertThat(a.lines()).hasSize(20_000).isEqualTo(b.lines());
        }
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> NetcatServer.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad port 70000");
    }

    @Test
    void closeIsIdempotentAndSendAfterCloseDropsTheLine() throws IOException {
        NetcatServer server = NetcatServer.start("127.0.0.1", 0, false);
        server.close();
        server.close();
        server.send("too late");
        assertThat(server.linesDropped()).isEqualTo(1);
    }

    /** The server's messages; a test can wait for one to show up. */
    private static final class Log {
        private final List<String> messages = new ArrayList<>();

        synchronized void add(String message) {
            messages.add(message);
            notifyAll();
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        synchronized boolean await(String part, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages.stream().noneMatch(m -> m.contains(part))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }
}
