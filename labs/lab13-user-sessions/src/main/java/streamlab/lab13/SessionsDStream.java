package streamlab.lab13;

import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple3;
import streamlab.support.MissingSolutionException;

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
        // TODO: input: lines "user page" (Clicks, given, turns them into (user, page) pairs) and the gap.
        //       Output: in each batch, (user, clicks, pages) of every session that closed in it, pages as
        //       OpenSession (given) writes them; nothing for a session still open.
        //       The idea: a state per user with a timeout; the mapping function sends a session out only
        //       when its state times out. Spark looks for timed-out states only when it checkpoints the
        //       state, every 10 batches unless told otherwise: here, at every batch.
        throw new MissingSolutionException("Lab 13, SessionsDStream.closedSessions: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }

    /**
     * After every batch, the sessions still open as {@code (user, clicks)}: the state snapshots of the
     * same {@code mapWithState}, every user whose session has not closed.
     */
    public static JavaPairDStream<String, Long> openSessions(JavaDStream<String> lines, Duration gap) {
        // TODO: input: the same lines and gap as closedSessions. Output: after every batch, (user, clicks)
        //       of every session still open, whether or not its user clicked in this batch.
        //       The idea: not what the mapping function returns, but the state Spark keeps after the batch.
        throw new MissingSolutionException("Lab 13, SessionsDStream.openSessions: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }
}
