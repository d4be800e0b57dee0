package streamlab.lab13;

import java.time.Duration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.TimeMode;
import scala.Tuple3;

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
        return clicksByUser(events)
                .transformWithState(new SessionProcessor(gap), TimeMode.EventTime(), OutputMode.Append(), SESSION)
                .toDF("user", "clicks", "pages");
    }

    /**
     * The same sessions, starting from sessions already open: {@code open} is a static table with the
     * columns {@code user}, {@code clicks}, {@code pages} (as the output writes them) and {@code last} (the
     * time of the last click). Each goes on with its user's clicks, or closes at its last click plus the gap.
     */
    public static Dataset<Row> closedSessionsFrom(Dataset<Row> events, Dataset<Row> open, Duration gap) {
        KeyValueGroupedDataset<String, Row> openByUser =
                open.groupByKey((MapFunction<Row, String>) session -> session.getAs("user"), Encoders.STRING());
        return clicksByUser(events)
                .transformWithState(
                        new SessionProcessor(gap),
                        TimeMode.EventTime(),
                        OutputMode.Append(),
                        openByUser,
                        SESSION,
                        Encoders.row(open.schema()))
                .toDF("user", "clicks", "pages");
    }

    /** The clicks with a watermark on their time, grouped by user. */
    private static KeyValueGroupedDataset<String, Row> clicksByUser(Dataset<Row> events) {
        return Clicks.frame(events)
                .withWatermark("time", LATENESS)
                .groupByKey((MapFunction<Row, String>) click -> click.getAs("user"), Encoders.STRING());
    }
}
