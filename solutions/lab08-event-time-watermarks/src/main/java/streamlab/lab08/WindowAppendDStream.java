package streamlab.lab08;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import scala.Tuple3;

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
        return numbers(lines)
                .mapToPair(n -> new Tuple2<>(n, 1L))
                .reduceByKeyAndWindow(Long::sum, Durations.seconds(30), Durations.seconds(15));
    }

    /**
     * The same counts, kept up to date with an inverse function (add the batches that enter, subtract
     * the ones that leave) and a filter function that drops the values whose count fell to 0. Needs a
     * checkpoint directory.
     */
    public static JavaPairDStream<Integer, Long> incrementalValueCounts(JavaDStream<String> lines) {
        int partitions = lines.context().sparkContext().defaultParallelism();
        return numbers(lines)
                .mapToPair(n -> new Tuple2<>(n, 1L))
                .reduceByKeyAndWindow(
                        Long::sum,
                        (count, leaving) -> count - leaving,
                        Durations.seconds(30),
                        Durations.seconds(15),
                        partitions,
                        valueCount -> valueCount._2() > 0);
    }

    /**
     * Each {@code (value, count)} of the window that ends at the batch time t, as the row
     * {@code (window, value, count)}: the window (t - 30 s, t] as {@code HHmmss-HHmmss} in {@code zone}.
     */
    public static JavaDStream<Tuple3<String, Integer, Long>> windowRows(
            JavaPairDStream<Integer, Long> counts, ZoneId zone) {
        return counts.transform((rdd, time) -> {
            DateTimeFormatter hhmmss = DateTimeFormatter.ofPattern("HHmmss").withZone(zone);
            Instant end = Instant.ofEpochMilli(time.milliseconds());
            String window = hhmmss.format(end.minusSeconds(30)) + "-" + hhmmss.format(end);
            return rdd.map(valueCount -> new Tuple3<>(window, valueCount._1(), valueCount._2()));
        });
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
