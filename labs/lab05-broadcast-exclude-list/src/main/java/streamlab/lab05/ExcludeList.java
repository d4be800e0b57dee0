package streamlab.lab05;

import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import streamlab.support.MissingSolutionException;

/**
 * Lab 05, DStream API: the exclude list as a broadcast variable, created lazily, once per driver.
 *
 * <p>A broadcast variable ships a read-only value to every executor once, instead of with every task.
 * It is not saved in a checkpoint: a program recovered with {@code JavaStreamingContext.getOrCreate}
 * gets its DStream graph back, but a {@code Broadcast} captured in that graph names a broadcast that the
 * new driver never made. So the graph must not hold it. Each batch asks this singleton for it instead,
 * on the driver, and the first batch after a start (or a restart) creates it.
 */
public final class ExcludeList {

    private static volatile Broadcast<Set<String>> instance;

    private ExcludeList() {}

    /**
     * The broadcast set of {@link ExcludeWords#current()}: created by the first call, the same object
     * for every later call (from any thread) until the driver ends.
     */
    public static Broadcast<Set<String>> getInstance(JavaSparkContext sc) {
        // TODO: output: the broadcast set of the words of ExcludeWords.current(), made by the first call;
        //       every later call, from any thread, returns the same one until the driver ends.
        //       The idea: a lazily created singleton, safe when two threads ask at once, so that the DStream
        //       graph never holds the broadcast (a broadcast in the graph does not survive a restart).
        throw new MissingSolutionException("Lab 05, ExcludeList.getInstance: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
