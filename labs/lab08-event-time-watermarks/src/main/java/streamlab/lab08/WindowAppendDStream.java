package streamlab.lab08;

import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple3;
import streamlab.support.MissingSolutionException;

/**
 * Lab 08, DStream API: counts of the numbers 0..10 in windows of 30 s that slide every 15 s.
 *
 * <p>A DStream window is made of the batches that <em>arrived</em> in the last 30 s: every 15 s, at the
 * batch time t, the window (t - 30 s, t]. There is no event time, no watermark and no late data: a line
 * belongs to the batch it arrived in, and each window is printed once, at its end.
 */
public final class WindowAppendDStream {

    private WindowAppendDStream() {}

    /** {@code (value, count)} over the lines of the last 30 s, every 15 s. */
    public static JavaPairDStream<Integer, Long> valueCounts(JavaDStream<String> lines) {
        // TODO: input: lines, in batches of 5 s; only the whole numbers count (numbers, given below, keeps
        //       them). Output: every 15 s, (value, count) over the lines of the last 30 s.
        //       The idea: a windowed reduce over the batches that arrived (processing time).
        throw new MissingSolutionException("Lab 08, WindowAppendDStream.valueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * The same counts, kept up to date with an inverse function (add the batches that enter, subtract
     * the ones that leave) and a filter function that drops the values whose count fell to 0. Needs a
     * checkpoint directory.
     */
    public static JavaPairDStream<Integer, Long> incrementalValueCounts(JavaDStream<String> lines) {
        // TODO: the same (value, count) pairs, kept up to date with an inverse function (add the batches that
        //       enter, subtract those that leave); the values whose count fell to 0 are dropped from the state.
        //       The idea: lab 03's incremental window with a filter. It needs a checkpoint directory: the
        //       program and the tests set one, this function must not.
        throw new MissingSolutionException("Lab 08, WindowAppendDStream.incrementalValueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Each {@code (value, count)} of the window that ends at the batch time t, as the row
     * {@code (window, value, count)}: the window (t - 30 s, t] as {@code HHmmss-HHmmss} in {@code zone}.
     */
    public static JavaDStream<Tuple3<String, Integer, Long>> windowRows(
            JavaPairDStream<Integer, Long> counts, ZoneId zone) {
        // TODO: input: the (value, count) pairs of the window that ends at each batch time t. Output: the rows
        //       (window, value, count), the window (t - 30 s, t] written HHmmss-HHmmss in zone.
        //       The idea: a DStream has no window column: the batch time, known on the driver at each batch,
        //       is the end of the window.
        throw new MissingSolutionException("Lab 08, WindowAppendDStream.windowRows: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /** Given: the lines that are whole numbers, as ints; other lines (blank, {@code hello}) are dropped. */
    static JavaDStream<Integer> numbers(JavaDStream<String> lines) {
        return lines.flatMap(line -> {
            try {
                return List.of(Integer.parseInt(line.strip())).iterator();
            } catch (NumberFormatException notANumber) {
                return Collections.emptyIterator();
            }
        });
    }
}
