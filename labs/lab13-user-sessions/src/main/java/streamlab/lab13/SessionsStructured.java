package streamlab.lab13;

import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Tuple3;
import streamlab.support.MissingSolutionException;

/**
 * Lab 13, Structured Streaming API: user sessions that close after a gap without clicks, in event time,
 * with {@code transformWithState} and the {@link SessionProcessor}.
 *
 * <p>The time is the clicks' own time (event time): a session closes when the watermark (the latest click
 * time seen minus {@link #LATENESS}) passes its last click plus the gap. Needs the RocksDB state store
 * ({@code spark.sql.streaming.stateStore.providerClass}): the program and the tests set it.
 */
public final class SessionsStructured {

    /** Given: how late a click may come, the delay of the watermark on {@code time}. */
    public static final String LATENESS = "5 seconds";

    /** Given: the encoder of the processor's output, {@code (user, clicks, pages)}. */
    static final Encoder<Tuple3<String, Long, String>> SESSION =
            Encoders.tuple(Encoders.STRING(), Encoders.LONG(), Encoders.STRING());

    private SessionsStructured() {}

    /**
     * Columns {@code user}, {@code clicks}, {@code pages}: each session once, when it has closed (append
     * mode), i.e. when the watermark has passed its last click plus {@code gap}.
     */
    public static Dataset<Row> closedSessions(Dataset<Row> events, Duration gap) {
        // TODO: input: lines "user page" with their event time (value, timestamp; Clicks, given, makes the
        //       columns user, page, time) and the gap. Output: the columns user, clicks, pages, one row per
        //       session once it has closed.
        //       The idea: a watermark of LATENESS on time, the clicks grouped by user, and your
        //       SessionProcessor run on each group in event time, in append mode.
        throw new MissingSolutionException("Lab 13, SessionsStructured.closedSessions: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }

    /**
     * The same sessions, starting from sessions already open: {@code open} is a static table with the
     * columns {@code user}, {@code clicks}, {@code pages} (as the output writes them) and {@code last} (the
     * time of the last click). Each goes on with its user's clicks, or closes at its last click plus the gap.
     */
    public static Dataset<Row> closedSessionsFrom(Dataset<Row> events, Dataset<Row> open, Duration gap) {
        // TODO: input: the clicks as in closedSessions, and a static table of sessions already open (user,
        //       clicks, pages, last). Output: the same columns as closedSessions; an open session goes on
        //       with its user's clicks, or closes at its last click plus the gap.
        //       The idea: the same query, with the open sessions grouped by user as the initial state; the
        //       processor takes each one over in handleInitialState.
        throw new MissingSolutionException("Lab 13, SessionsStructured.closedSessionsFrom: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }
}
