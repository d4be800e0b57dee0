package streamlab.lab09;

import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Lab 09, Structured Streaming API: joining two streams. A phone and a watch of the same user send
 * readings, each with its own event time: {@code phone} has the columns {@code User, phone_time},
 * {@code watch} the columns {@code User, watch_time}. A phone reading and a watch reading match when
 * they are of the same user and the watch reading is at most {@value #RANGE} before or after it.
 *
 * <p>Both inputs have a watermark of {@value #DELAY}: Spark keeps a reading in its join state until
 * the watermark says no matching reading can come any more, then drops it.
 */
public final class StreamJoinsStructured {

    /** How late a reading of either stream may be. */
    public static final String DELAY = "5 seconds";
    /** How far apart a phone reading and a watch reading may be to match. */
    public static final String RANGE = "2 seconds";

    private StreamJoinsStructured() {}

    /** Every matching pair, as soon as both readings are there: columns {@code User, phone_time, watch_time}. */
    public static Dataset<Row> phoneWithWatch(Dataset<Row> phone, Dataset<Row> watch) {
        return join(phone, watch, "inner");
    }

    /**
     * The same pairs, and also every phone reading that never matched, with a null {@code watch_time}:
     * it comes out once the watermark shows that no watch reading can match it any more.
     */
    public static Dataset<Row> phoneWithOptionalWatch(Dataset<Row> phone, Dataset<Row> watch) {
        return join(phone, watch, "left_outer");
    }

    private static Dataset<Row> join(Dataset<Row> phone, Dataset<Row> watch, String type) {
        Dataset<Row> p = phone.withWatermark("phone_time", DELAY).as("p");
        Dataset<Row> w = watch.withWatermark("watch_time", DELAY).as("w");
        return p.join(
                        w,
                        expr("p.User = w.User AND w.watch_time BETWEEN p.phone_time - INTERVAL " + RANGE
                                + " AND p.phone_time + INTERVAL " + RANGE),
                        type)
                .select("p.User", "p.phone_time", "w.watch_time");
    }
}
