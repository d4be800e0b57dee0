package streamlab.lab13;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.harness.StructuredScript.event;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import streamlab.harness.LabTest;
import streamlab.harness.StructuredScript;
import streamlab.harness.StructuredScript.Event;
import streamlab.harness.TestSpark;
import streamlab.support.Api;

/**
 * Clicks {@code user page} with their event time: {@code at(s)} is s seconds after 10:00:00 UTC. Sessions
 * close after a gap of 10 s; the watermark after a step is the latest click time so far minus 5 s, and a
 * session comes out (append mode) in the step whose watermark passes its last click plus 10 s. Rows:
 * (user, clicks, pages), the pages sorted, each once.
 */
@LabTest(lab = "13", api = Api.STRUCTURED)
class Lab13StructuredTest {

    private static final Duration GAP = Duration.ofSeconds(10);
    private static final String PROVIDER = "spark.sql.streaming.stateStore.providerClass";
    private static final String ROCKSDB = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

    private static final Instant T0 = Instant.parse("2024-05-14T10:00:00Z");

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the batches go to a script, which copies them into a list
    private static StructuredScript script(String exercise, List<Event>... batches) {
        // transformWithState keeps its state in RocksDB only: this JVM's queries use it until the class ends
        TestSpark.session().conf().set(PROVIDER, ROCKSDB);
        return StructuredScript.events(batches)
                .title("Lab 13 SessionsStructured." + exercise + " (gap 10 s, times in UTC)");
    }

    /**
     * The exercise's result, refused at once unless its plan has a {@code transformWithState} on event time:
     * on the clock's time the timers of these 2024 clicks are all due at once, and the query never settles
     * (the test would only end at its time limit).
     */
    private static Dataset<Row> onEventTime(Dataset<Row> sessions) {
        List<String> operators = sessions.queryExecution()
                .logical()
                .toString()
                .lines()
                .filter(line -> line.contains("TransformWithState"))
                .toList();
        assertThat(operators)
                .as("the transformWithState of the query's plan (its time mode after the processor): the sessions"
                        + " close on the clicks' time, so its timers need TimeMode.EventTime(), not the clock's"
                        + " TimeMode.ProcessingTime()")
                .isNotEmpty()
                .allMatch(line -> line.contains(", EventTime,"));
        return sessions;
    }

    @AfterAll
    static void backToTheDefaultStateStore() {
        SparkSession.getDefaultSession().foreach(spark -> {
            spark.conf().unset(PROVIDER);
            return null;
        });
    }

    // ---- closedSessions: transformWithState, a ValueState, a ListState, an event-time timer ----

    @Test
    void a_session_comes_out_once_the_watermark_passes_its_last_click_plus_the_gap() {
        script(
                        "closedSessions",
                        List.of(
                                event(at(0), "alice /home"),
                                event(at(2), "alice /search"),
                                event(at(3), "bob /home"),
                                event(at(4), "alice /item"),
                                event(at(4), "bob /home")), // watermark -1
                        List.of(event(at(12), "bob /cart")), // watermark 7
                        List.of(event(at(20), "bob /pay")), // 15: alice's 4 + 10 is past
                        List.of(event(at(40), "carol /home"))) // 35: bob's 20 + 10 is past
                .run(clicks -> onEventTime(SessionsStructured.closedSessions(clicks, GAP)))
                .assertBatches(
                        none(),
                        none(),
                        rows(row("alice", 3, "/home /item /search")),
                        rows(row("bob", 4, "/cart /home /pay")))
                .assertColumns("user", "clicks", "pages");
    }

    @Test
    void a_user_who_comes_back_after_the_gap_starts_a_new_session() {
        script(
                        "closedSessions",
                        List.of(event(at(0), "alice /home"), event(at(1), "alice /faq"), event(at(1), "bob /home")),
                        List.of(event(at(20), "dave /home")), // 15: alice's and bob's 1 + 10
                        List.of(event(at(30), "alice /cart"), event(at(31), "alice /cart")), // 26
                        List.of(event(at(60), "zed /home"))) // 55: dave's 20, alice's 31
                .run(clicks -> onEventTime(SessionsStructured.closedSessions(clicks, GAP)))
                .assertBatches(
                        none(),
                        rows(row("alice", 2, "/faq /home"), row("bob", 1, "/home")),
                        none(),
                        rows(row("dave", 1, "/home"), row("alice", 2, "/cart")));
    }

    @Test
    void a_session_ends_a_gap_after_its_latest_click_in_whatever_order_a_batch_brings_them() {
        script(
                        "closedSessions",
                        // over the two partitions: 9 s and 2 s in one, 1 s and 8 s in the other
                        List.of(
                                event(at(9), "alice /cart"),
                                event(at(1), "alice /home"),
                                event(at(2), "alice /search"),
                                event(at(8), "alice /item")), // watermark 4
                        List.of(event(at(23.5), "bob /home")), // 18.5: alice's latest click 9 + 10 is not past
                        List.of(event(at(30), "bob /faq"))) // 25: now it is
                .run(clicks -> onEventTime(SessionsStructured.closedSessions(clicks, GAP)))
                .assertBatches(none(), none(), rows(row("alice", 4, "/cart /home /item /search")));
    }

    @Test
    void a_late_click_in_a_later_batch_does_not_bring_the_end_of_the_session_forward() {
        script(
                        "closedSessions",
                        List.of(event(at(2), "alice /home"), event(at(9), "alice /cart")), // watermark 4
                        // later than the watermark, earlier than alice's latest click 9: still 4
                        List.of(event(at(6), "alice /faq"), event(at(7), "alice /home")),
                        List.of(event(at(23.5), "bob /home")), // 18.5: alice's latest click 9 + 10 is not past
                        List.of(event(at(30), "bob /faq"))) // 25: now it is
                .run(clicks -> onEventTime(SessionsStructured.closedSessions(clicks, GAP)))
                .assertBatches(none(), none(), none(), rows(row("alice", 4, "/cart /faq /home")));
    }

    @Test
    void a_session_closes_at_its_last_click_plus_the_gap_it_is_given() {
        script(
                        "closedSessions",
                        List.of(event(at(0), "alice /home"), event(at(2), "bob /cart"), event(at(1), "alice /faq")),
                        List.of(event(at(12), "carol /home")), // watermark 7: alice's 1 + 4 and bob's 2 + 4 are past
                        List.of(event(at(30), "dave /home"))) // 25: carol's 12 + 4
                .title("Lab 13 SessionsStructured.closedSessions (gap 4 s, times in UTC)")
                .run(clicks -> onEventTime(SessionsStructured.closedSessions(clicks, Duration.ofSeconds(4))))
                .assertBatches(
                        none(),
                        rows(row("alice", 2, "/faq /home"), row("bob", 1, "/cart")),
                        rows(row("carol", 1, "/home")));
    }

    // ---- closedSessionsFrom: an initial state of sessions already open ----

    /** The sessions open when the query starts: alice (2 clicks, last at 0 s) and carol (1 click, at 2 s). */
    private static Dataset<Row> open() {
        StructType schema = new StructType()
                .add("user", DataTypes.StringType)
                .add("clicks", DataTypes.LongType)
                .add("pages", DataTypes.StringType)
                .add("last", DataTypes.TimestampType);
        return TestSpark.session()
                .createDataFrame(
                        List.of(
                                RowFactory.create("alice", 2L, "/home /search", Timestamp.from(at(0))),
                                RowFactory.create("carol", 1L, "/faq", Timestamp.from(at(2)))),
                        schema);
    }

    @Test
    void an_open_session_goes_on_with_the_clicks_of_its_user() {
        script(
                        "closedSessionsFrom",
                        List.of(
                                event(at(5), "alice /cart"),
                                event(at(6), "bob /home"),
                                event(at(6), "alice /search")), // 1: /search is alice's already
                        List.of(event(at(30), "erin /home"))) // 25: alice's 6 + 10 is past
                .run(clicks -> onEventTime(SessionsStructured.closedSessionsFrom(clicks, open(), GAP)))
                .assertBatches(
                        none(),
                        rows(row("alice", 4, "/cart /home /search"), row("bob", 1, "/home"), row("carol", 1, "/faq")));
    }

    @Test
    void an_open_session_without_clicks_closes_at_its_last_click_plus_the_gap() {
        script(
                        "closedSessionsFrom",
                        List.of(event(at(1), "bob /home")), // -4
                        List.of(event(at(13), "dave /cart")), // 8
                        List.of(event(at(19), "erin /cart"))) // 14: alice's 0, bob's 1, carol's 2
                .run(clicks -> onEventTime(SessionsStructured.closedSessionsFrom(clicks, open(), GAP)))
                .assertBatches(
                        none(),
                        none(),
                        rows(row("alice", 2, "/home /search"), row("bob", 1, "/home"), row("carol", 1, "/faq")))
                .assertColumns("user", "clicks", "pages");
    }
}
