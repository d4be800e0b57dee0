package streamlab.lab13;

import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.util.List;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.junit.jupiter.api.Test;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.support.Api;

/**
 * Batches of 1 s on Spark's manual clock, sessions that close after a gap of 3 s: a user whose last
 * click came in batch k has their session closed in batch k + 4, the first batch that finds more than
 * 3 s since that click. Rows of closedSessions: (user, clicks, pages), the pages sorted, each once.
 */
@LabTest(lab = "13", api = Api.DSTREAM)
class Lab13DStreamTest {

    private static final Duration GAP = Durations.seconds(3);

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static DStreamScript<String> script(String function, List<String>... batches) {
        return DStreamScript.lines(batches)
                .title("Lab 13 SessionsDStream." + function + " (gap 3 s)")
                .checkpointing();
    }

    // ---- closedSessions: mapWithState with a timeout ----

    @Test
    void a_session_closes_at_the_first_batch_after_a_whole_gap_without_clicks() {
        // alice clicks in batches 1 and 2 (in both partitions of batch 1), bob in batches 1 to 6
        script(
                        "closedSessions",
                        List.of("alice /home", "bob /home", "alice /search", "alice /home"),
                        List.of("alice /cart", "bob /search"),
                        List.of("bob /item"),
                        List.of("bob /item"),
                        List.of("bob /cart"),
                        List.of("bob /pay"))
                .thenEmptyBatches(4)
                .run(lines -> SessionsDStream.closedSessions(lines, GAP))
                .assertBatches(
                        none(),
                        none(),
                        none(),
                        none(),
                        none(),
                        rows(row("alice", 4, "/cart /home /search")),
                        none(),
                        none(),
                        none(),
                        rows(row("bob", 6, "/cart /home /item /pay /search")));
    }

    @Test
    void a_user_who_comes_back_after_the_gap_starts_a_new_session() {
        script(
                        "closedSessions",
                        List.of("alice /home", "alice /faq"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("alice /home"))
                .thenEmptyBatches(4)
                .run(lines -> SessionsDStream.closedSessions(lines, GAP))
                .assertBatches(
                        none(),
                        none(),
                        none(),
                        none(),
                        rows(row("alice", 2, "/faq /home")),
                        none(),
                        none(),
                        none(),
                        none(),
                        rows(row("alice", 1, "/home")));
    }

    @Test
    void lines_that_are_not_clicks_neither_open_nor_keep_a_session() {
        script(
                        "closedSessions",
                        List.of("carol /home", "", "carol", "carol /home extra"),
                        List.of("carol is back"),
                        List.of("   "))
                .thenEmptyBatches(2)
                .run(lines -> SessionsDStream.closedSessions(lines, GAP))
                .assertBatches(none(), none(), none(), none(), rows(row("carol", 1, "/home")));
    }

    @Test
    void with_batches_of_2_s_and_a_gap_of_5_s_a_session_closes_at_the_first_batch_after_a_whole_gap() {
        // batches at 2, 4, 6, ... s: bob's last click at 2 s (closed at 8 s), alice's at 4 s (closed at 10 s)
        DStreamScript.lines(
                        List.of("alice /home", "bob /home", "alice /faq", "bob /cart"),
                        List.of("alice /cart"),
                        List.of(),
                        List.of())
                .title("Lab 13 SessionsDStream.closedSessions (gap 5 s)")
                .checkpointing()
                .batchSeconds(2)
                .thenEmptyBatches(2)
                .run(lines -> SessionsDStream.closedSessions(lines, Durations.seconds(5)))
                .assertBatches(
                        none(),
                        none(),
                        none(),
                        rows(row("bob", 2, "/cart /home")),
                        rows(row("alice", 3, "/cart /faq /home")),
                        none());
    }

    // ---- openSessions: the state snapshots ----

    @Test
    void open_sessions_are_every_open_session_after_each_batch_until_it_closes() {
        script("openSessions", List.of("alice /home", "bob /home", "alice /faq"), List.of("bob /cart"))
                .thenEmptyBatches(4)
                .runPairs(lines -> SessionsDStream.openSessions(lines, GAP))
                .assertBatches(
                        rows(row("alice", 2), row("bob", 1)),
                        rows(row("alice", 2), row("bob", 2)),
                        rows(row("alice", 2), row("bob", 2)),
                        rows(row("alice", 2), row("bob", 2)),
                        rows(row("bob", 2)),
                        none());
    }
}
