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
        // TODO 1: numbers(lines) (given below), then mapToPair to (value, 1L).
        // TODO 2: reduceByKeyAndWindow(Long::sum, window length, slide) with Durations.seconds(...): both must be
        //         multiples of the batch interval (5 s in the tests and the program).
        throw new MissingSolutionException("Lab 08, WindowAppendDStream.valueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * The same counts, kept up to date with an inverse function (add the batches that enter, subtract
     * the ones that leave) and a filter function that drops the values whose count fell to 0. Needs a
     * checkpoint directory.
     */
    public static JavaPairDStream<Integer, Long> incrementalValueCounts(JavaDStream<String> lines) {
        // TODO 3: the same pairs, then the long form of reduceByKeyAndWindow(reduce, inverse reduce, window, slide,
        //         numPartitions, filterFunc), as in lab 03: numPartitions is
        //         lines.context().sparkContext().defaultParallelism(); filterFunc keeps a (value, count) when it
        //         returns true. Do not set the checkpoint directory here: the program and the tests do.
        throw new MissingSolutionException("Lab 08, WindowAppendDStream.incrementalValueCounts: the hints are in"
                + " labs/lab08-event-time-watermarks/README.md, section Hints.");
    }

    /**
     * Each {@code (value, count)} of the window that ends at the batch time t, as the row
     * {@code (window, value, count)}: the window (t - 30 s, t] as {@code HHmmss-HHmmss} in {@code zone}.
     */
    public static JavaDStream<Tuple3<String, Integer, Long>> windowRows(JavaPairDStream<Integer, Long> counts,
                                                                        ZoneId zone) {
        // TODO 4: counts.transform((rdd, time) -> ...): the function runs on the driver once per batch, with the
        //         batch time (time.milliseconds(), the end of the window). Make the text there, with a
        //         java.time DateTimeFormatter.ofPattern("HHmmss").withZone(zone) of Instant.ofEpochMilli(...)
        //         for the start (30 s earlier) and the end, then rdd.map(...) each pair to a new Tuple3<>(text,
        //         value, count). (A DateTimeFormatter cannot be sent to the executors; the String can.)
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
