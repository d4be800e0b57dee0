package streamlab.lab05;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;
import streamlab.support.MissingSolutionException;

/**
 * Lab 05, DStream API: the number of words left out, as an accumulator, created lazily, once per driver.
 *
 * <p>Tasks add to an accumulator on the executors; Spark sends each finished task's additions back and
 * the driver reads the total with {@code value()}. Like a broadcast, an accumulator is not saved in a
 * checkpoint, so it is a lazily created singleton too: after a restart the first batch creates a new
 * one, which counts from zero.
 */
public final class DroppedWords {

    /** The accumulator's name, as the Spark web UI shows it. */
    public static final String NAME = "dropped words";

    private static volatile LongAccumulator instance;

    private DroppedWords() {}

    /** The accumulator of dropped words: created (at 0) by the first call, the same one for every later call. */
    public static LongAccumulator getInstance(JavaSparkContext sc) {
        // TODO: output: the accumulator named NAME, created at 0 by the first call, the same one for every
        //       later call.
        //       The idea: the lazily created singleton of ExcludeList, for an accumulator.
        throw new MissingSolutionException("Lab 05, DroppedWords.getInstance: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
