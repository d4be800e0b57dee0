package streamlab.lab09;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import streamlab.support.MissingSolutionException;

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
        // TODO: output: the columns User, phone_time, watch_time: every phone reading and watch reading of the
        //       same user at most RANGE apart, as soon as both are there; each input has a watermark of DELAY.
        //       The idea: a join of two streams, with watermarks and a time range so that Spark can drop old
        //       readings from its state.
        throw new MissingSolutionException("Lab 09, StreamJoinsStructured.phoneWithWatch: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The same pairs, and also every phone reading that never matched, with a null {@code watch_time}:
     * it comes out once the watermark shows that no watch reading can match it any more.
     */
    public static Dataset<Row> phoneWithOptionalWatch(Dataset<Row> phone, Dataset<Row> watch) {
        // TODO: output: the same pairs, and also every phone reading that never matched, with a null
        //       watch_time, once the watermark shows that no watch reading can match it any more.
        //       The idea: an outer join of two streams, which needs the watermark and the time range.
        throw new MissingSolutionException("Lab 09, StreamJoinsStructured.phoneWithOptionalWatch: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
