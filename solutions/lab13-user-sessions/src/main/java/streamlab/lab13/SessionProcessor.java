package streamlab.lab13;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.ExpiredTimerInfo;
import org.apache.spark.sql.streaming.ListState;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessorWithInitialState;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.streaming.ValueState;
import scala.Tuple3;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

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
    private transient ValueState<Long> clicks;
    private transient ListState<String> pages;

    public SessionProcessor(Duration gap) {
        this.gapMs = gap.toMillis();
    }

    /** Declares the state: {@code clicks} and {@code pages}, kept until cleared (no time to live). */
    @Override
    public void init(OutputMode outputMode, TimeMode timeMode) {
        clicks = getHandle().getValueState("clicks", Encoders.LONG(), TTLConfig.NONE());
        pages = getHandle().getListState("pages", Encoders.STRING(), TTLConfig.NONE());
    }

    /** The clicks of one user in a micro-batch (rows {@code user, page, time}): add them to the session. */
    @Override
    public Iterator<Tuple3<String, Long, String>> handleInputRows(
            String user, Iterator<Row> rows, TimerValues timerValues) {
        long count = clicks.exists() ? clicks.get() : 0L;
        long last = Long.MIN_VALUE;
        while (rows.hasNext()) {
            Row click = rows.next();
            count++;
            pages.appendValue(click.getAs("page"));
            last = Math.max(last, Clicks.millis(click.getAs("time")));
        }
        clicks.update(count);
        closeAt(last + gapMs);
        return CollectionConverters.asScala(
                List.<Tuple3<String, Long, String>>of().iterator());
    }

    /** The watermark passed the user's timer: the session is closed; send it out and forget it. */
    @Override
    public Iterator<Tuple3<String, Long, String>> handleExpiredTimer(
            String user, TimerValues timerValues, ExpiredTimerInfo expiredTimerInfo) {
        List<String> visited = new ArrayList<>();
        pages.get().foreach(visited::add);
        Tuple3<String, Long, String> closed = new Tuple3<>(user, clicks.get(), Clicks.pagesText(visited));
        clicks.clear();
        pages.clear();
        return CollectionConverters.asScala(List.of(closed).iterator());
    }

    /** A session already open when the query starts (row {@code user, clicks, pages, last}): take it over. */
    @Override
    public void handleInitialState(String user, Row open, TimerValues timerValues) {
        clicks.update(open.getAs("clicks"));
        for (String page : Clicks.pagesOf(open.getAs("pages"))) {
            pages.appendValue(page);
        }
        closeAt(Clicks.millis(open.getAs("last")) + gapMs);
    }

    /** One timer per user: the latest of the one registered and {@code expiry}; any other is deleted. */
    private void closeAt(long expiry) {
        long latest = expiry;
        List<Long> registered = new ArrayList<>();
        getHandle().listTimers().foreach(timer -> registered.add((Long) timer));
        for (Long timer : registered) {
            latest = Math.max(latest, timer);
            getHandle().deleteTimer(timer);
        }
        getHandle().registerTimer(latest);
    }
}
