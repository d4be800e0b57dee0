package streamlab.lab10;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import streamlab.harness.GradingExtension;
import streamlab.harness.StreamResult;

/**
 * The same exercises against a real PostgreSQL, when one answers on this machine (see the README, "Try it on
 * PostgreSQL"); skipped, with the reason, when none does. Not graded: nobody needs a PostgreSQL to pass the lab.
 *
 * <p>It logs in with {@code STREAMLAB_PG_URL}, {@code STREAMLAB_PG_USER} and {@code STREAMLAB_PG_PASSWORD}
 * (default: {@value #DEFAULT_URL}, user and password {@code streamlab}), and writes tables of its own,
 * dropped afterwards.
 */
@ExtendWith(GradingExtension.class) // an exercise not written yet: skipped as "not implemented", like a graded test
class PostgresTest {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/streamlab";
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/.*");

    /** The server to write to, or why there is none: asked once, before the first test. */
    private static DbSettings server;

    private static String none;
    private DbSettings counts;
    private DbSettings totals;

    @SuppressWarnings("try") // the connection is opened only to show that the server lets us in
    private static synchronized void findServer() {
        if (server != null || none != null) {
            return;
        }
        String url = env("STREAMLAB_PG_URL", DEFAULT_URL);
        Matcher m = HOST_PORT.matcher(url);
        if (!m.matches()) {
            none = "STREAMLAB_PG_URL is not a jdbc:postgresql://HOST:PORT/DATABASE URL: " + url;
            return;
        }
        String host = m.group(1);
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
        } catch (IOException e) {
            none = "no PostgreSQL answers on " + host + ":" + port + " (" + e.getMessage()
                    + "); the README's \"Try it on PostgreSQL\" sets one up";
            return;
        }
        DbSettings settings = new DbSettings(
                url,
                env("STREAMLAB_PG_USER", "streamlab"),
                env("STREAMLAB_PG_PASSWORD", "streamlab"),
                "unused",
                DbSettings.POOL_SIZE,
                5_000);
        try (Connection c = Connections.forReading(settings)) {
            server = settings;
        } catch (SQLException e) {
            none = "PostgreSQL answers on " + host + ":" + port + ", but: " + Connections.explain(e, settings);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    @BeforeEach
    void a_postgresql_that_answers_and_tables_of_this_test() throws SQLException {
        findServer();
        Assumptions.assumeTrue(server != null, () -> none);
        LabDatabase.forgetPool();
        String suffix =
                UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        counts = server.withTable("lab10_counts_" + suffix);
        totals = server.withTable("lab10_totals_" + suffix);
        try (Connection c = Connections.forReading(server)) {
            WordTables.createCounts(c, counts.table());
            WordTables.createTotals(c, totals.table());
        }
    }

    @AfterEach
    void drop_them() throws SQLException {
        if (server == null) {
            return;
        }
        LabDatabase.forgetPool();
        try (Connection c = Connections.forReading(server);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + counts.table());
            s.execute("DROP TABLE IF EXISTS " + totals.table());
        }
    }

    @Test
    void foreach_batch_writes_each_batch_once_even_when_it_runs_twice() throws Exception {
        AtomicLong crashAfter = new AtomicLong(1);
        try (QueryRun run = QueryRun.of(
                "Lab 10 WordCountsStructured.writeBatch on PostgreSQL, table " + counts.table(),
                lines -> lines.writeStream().foreachBatch((Dataset<Row> batch, Long id) -> {
                    WordCountsStructured.writeBatch(batch, id, counts);
                    if (id == crashAfter.get()) {
                        throw new IllegalStateException("the driver crashes after writing batch " + id);
                    }
                }))) {
            run.step("a rose is a rose");
            run.failingStep("the driver crashes after the write", "is a rose");
            crashAfter.set(-1);
            run.restart();
            run.assertTable(
                    counts.table(),
                    rows(
                            row(0, "a", 2),
                            row(0, "rose", 2),
                            row(0, "is", 1),
                            row(1, "is", 1),
                            row(1, "a", 1),
                            row(1, "rose", 1)),
                    WordTables.readCounts(counts));
        }
    }

    @Test
    void the_foreach_writer_merges_the_totals() throws Exception {
        try (QueryRun run = QueryRun.of(
                "Lab 10 WordCountsStructured.totalsSink on PostgreSQL, table " + totals.table(),
                lines -> WordCountsStructured.totalsSink(lines, totals))) {
            run.step("hello world", "hello");
            run.step("world");
            run.assertTable(totals.table(), rows(row("hello", 2), row("world", 2)), WordTables.readTotals(totals));
        }
    }

    @Test
    void the_pool_writes_every_batch_and_keeps_its_connections() {
        long before = Connections.opened(counts); // the count is per URL, and the other tests used this one too
        StreamResult run = Lab10DStreamTest.write(
                "writeWithPool on PostgreSQL",
                counts,
                "connections opened so far",
                sc -> Connections.opened(counts) - before,
                WriteOutDStream::writeWithPool,
                List.of(List.of("hello world", "to be"), List.of("the cat sat", "on the mat"), List.of("to be")));
        run.assertBatches(
                rows(row("hello", 1), row("world", 1), row("to", 1), row("be", 1)),
                rows(row("the", 2), row("cat", 1), row("sat", 1), row("on", 1), row("mat", 1)),
                rows(row("to", 1), row("be", 1)));
        assertThat(Connections.opened(counts) - before)
                .as("connections the pool opened")
                .isBetween(1L, (long) counts.poolSize());
    }
}
