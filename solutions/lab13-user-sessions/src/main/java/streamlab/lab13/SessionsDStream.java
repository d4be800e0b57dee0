package streamlab.lab13;

import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple3;

/**
 * Lab 13, DStream API: user sessions that close after a gap without clicks, with {@code mapWithState}
 * and a timeout.
 *
 * <p>The time is the batch time (processing time): a session is open while its user clicks, and closes
 * once a whole gap has passed without a click of theirs. Spark keeps one {@link OpenSession} per user;
 * with {@code StateSpec.timeout(gap)} it calls the mapping function once more for a user whose state was
 * not updated for longer than the gap, with {@code state.isTimingOut()} true, and then forgets the state.
 * The context needs a checkpoint directory (the program and the tests set one).
 */
public final class SessionsDStream {

    private SessionsDStream() {}

    /**
     * The sessions that closed in each batch, as {@code (user, clicks, pages)}: a session closes at the
     * first batch that finds its user without a click for longer than {@code gap}. Nothing comes out for
     * a session that is still open.
     */
    public static JavaDStream<Tuple3<String, Long, String>> closedSessions(JavaDStream<String> lines, Duration gap) {
        JavaMapWithStateDStream<String, String, OpenSession, Optional<Tuple3<String, Long, String>>> mapped =
                sessions(lines, gap);
        return mapped.filter(Optional::isPresent).map(Optional::get);
    }

    /**
     * After every batch, the sessions still open as {@code (user, clicks)}: the state snapshots of the
     * same {@code mapWithState}, every user whose session has not closed.
     */
    public static JavaPairDStream<String, Long> openSessions(JavaDStream<String> lines, Duration gap) {
        return sessions(lines, gap).stateSnapshots().mapValues(OpenSession::clicks);
    }

    private static JavaMapWithStateDStream<String, String, OpenSession, Optional<Tuple3<String, Long, String>>>
            sessions(JavaDStream<String> lines, Duration gap) {
        StateSpec<String, String, OpenSession, Optional<Tuple3<String, Long, String>>> spec =
                StateSpec.function(SessionsDStream::click).timeout(gap);
        JavaMapWithStateDStream<String, String, OpenSession, Optional<Tuple3<String, Long, String>>> mapped =
                Clicks.pairs(lines).mapWithState(spec);
        // Spark looks for timed-out states only when it checkpoints them, every 10 batches by default:
        // checkpoint every batch, so that a session closes at the first batch after its gap
        mapped.checkpoint(lines.dstream().slideDuration());
        return mapped;
    }

    /** The mapping function: once per click, and once more, with no click, when the user's state times out. */
    private static Optional<Tuple3<String, Long, String>> click(
            String user, Optional<String> page, State<OpenSession> session) {
        if (session.isTimingOut()) {
            OpenSession closed = session.get();
            return Optional.of(new Tuple3<>(user, closed.clicks(), closed.pagesText()));
        }
        OpenSession open = session.exists() ? session.get() : OpenSession.NONE;
        session.update(open.plus(page.get()));
        return Optional.empty();
    }
}
