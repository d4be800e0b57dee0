package streamlab.lab13;

import java.time.Duration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.ExpiredTimerInfo;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessorWithInitialState;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import scala.Tuple3;
import scala.collection.Iterator;
import streamlab.support.MissingSolutionException;

/**
 * Lab 13, Structured Streaming API: the stateful processor of {@code transformWithState} that keeps each
 * user's open session and closes it after a gap without clicks, in event time.
 *
 * <p>Spark calls it per user (the key): {@link #init} once per task, to declare the state;
 * {@link #handleInputRows} with the user's clicks of a micro-batch; {@link #handleExpiredTimer} when the
 * watermark has passed a timer of the user; {@link #handleInitialState} once per user of the initial
 * state, before any click. Its state: {@code clicks} (a ValueState, the clicks so far) and {@code pages}
 * (a ListState, the page of each click), with one event-time timer per user at the time the session
 * closes: its last click plus the gap. Output rows: {@code (user, clicks, pages)} of each closed session.
 */
public final class SessionProcessor
        extends StatefulProcessorWithInitialState<String, Row, Tuple3<String, Long, String>, Row> {

    private final long gapMs;

    public SessionProcessor(Duration gap) {
        this.gapMs = gap.toMillis();
    }

    /** Declares the state: {@code clicks} and {@code pages}, kept until cleared (no time to live). */
    @Override
    public void init(OutputMode outputMode, TimeMode timeMode) {
        // TODO: input: nothing you need (the output and time modes). Output: none; afterwards the processor
        //       has its two states, clicks (a number) and pages (a list of texts), with no time to live.
        //       The idea: the state is declared through the handle Spark gave the processor, in fields
        //       that Spark does not serialize.
        throw new MissingSolutionException("Lab 13, SessionProcessor.init: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }

    /** The clicks of one user in a micro-batch (rows {@code user, page, time}): add them to the session. */
    @Override
    public Iterator<Tuple3<String, Long, String>> handleInputRows(
            String user, Iterator<Row> rows, TimerValues timerValues) {
        // TODO: input: one user's clicks of this micro-batch (rows user, page, time). Output: nothing yet;
        //       the clicks and pages of the session grow, and the session is due to close at its last
        //       click plus the gap (gapMs).
        //       The idea: one event-time timer per user, moved later with every click: the one registered
        //       before must not stay.
        throw new MissingSolutionException("Lab 13, SessionProcessor.handleInputRows: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }

    /** The watermark passed the user's timer: the session is closed; send it out and forget it. */
    @Override
    public Iterator<Tuple3<String, Long, String>> handleExpiredTimer(
            String user, TimerValues timerValues, ExpiredTimerInfo expiredTimerInfo) {
        // TODO: input: the user whose timer the watermark passed. Output: one row (user, clicks, pages),
        //       pages as Clicks (given) writes them; the user's state is gone afterwards.
        //       The idea: a closed session is sent out once, and the next click starts a new one from zero.
        throw new MissingSolutionException("Lab 13, SessionProcessor.handleExpiredTimer: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }

    /** A session already open when the query starts (row {@code user, clicks, pages, last}): take it over. */
    @Override
    public void handleInitialState(String user, Row open, TimerValues timerValues) {
        // TODO: input: one open session (row user, clicks, pages, last). Output: none; the user's state
        //       holds that session, due to close at last plus the gap unless a click comes first.
        //       The idea: the same state and timer as after a click, set from the row.
        throw new MissingSolutionException("Lab 13, SessionProcessor.handleInitialState: the hints are in"
                + " labs/lab13-user-sessions/README.md, section Hints.");
    }
}
