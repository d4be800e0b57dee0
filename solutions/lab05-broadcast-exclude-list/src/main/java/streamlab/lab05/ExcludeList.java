package streamlab.lab05;

import java.util.HashSet;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

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
        Broadcast<Set<String>> made = instance;
        if (made == null) {
            synchronized (ExcludeList.class) {
                made = instance;
                if (made == null) {
                    made = sc.broadcast(new HashSet<>(ExcludeWords.current()));
                    instance = made;
                }
            }
        }
        return made;
    }
}
