package streamlab.lab06;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import scala.Tuple2;

/**
 * Lab 06, DStream API: where a stream's batches come from, and the life of a StreamingContext.
 *
 * <p>A DStream has one trigger, the batch interval of its StreamingContext: at every multiple of it,
 * each input stream makes one RDD, whatever arrived. A context is started once, stopped once, and only
 * one runs in a JVM at a time; its SparkContext can outlive it.
 */
public final class RateTriggersDStream {

    private RateTriggersDStream() {}

    /** One RDD of {@code batches} per batch, in order (each spread over 2 partitions); empty batches after them. */
    public static JavaDStream<String> queued(JavaStreamingContext ssc, List<List<String>> batches) {
        Queue<JavaRDD<String>> queue = new LinkedList<>();
        for (List<String> batch : batches) {
            queue.add(ssc.sparkContext().parallelize(batch, 2));
        }
        return ssc.queueStream(queue, true);
    }

    /**
     * DStreams' stand-in for the rate source: in every batch, the values {@code 0 .. perBatch - 1}, each
     * paired with the batch's time in milliseconds: {@code (batchTime, value)}.
     */
    public static JavaPairDStream<Long, Long> ticks(JavaStreamingContext ssc, long perBatch) {
        JavaSparkContext sc = ssc.sparkContext();
        List<Long> values =
                new ArrayList<>(LongStream.range(0, perBatch).boxed().toList());
        JavaRDD<Long> every = sc.parallelize(values, 2);
        // an empty queue with a default RDD: the default one, again, in every batch
        JavaDStream<Long> constant = ssc.queueStream(new LinkedList<>(), true, every);
        return constant.transformToPair((rdd, time) -> rdd.mapToPair(v -> new Tuple2<>(time.milliseconds(), v)));
    }

    /**
     * Stops {@code running} but not its SparkContext, and returns a new StreamingContext with batches of
     * {@code batch} on that same SparkContext (not started yet).
     */
    public static JavaStreamingContext nextContext(JavaStreamingContext running, Duration batch) {
        JavaSparkContext sc = running.sparkContext();
        running.stop(false);
        return new JavaStreamingContext(sc, batch);
    }

    /**
     * One line for a completed batch, as a {@code StreamingListener} sees it in {@code onBatchCompleted}:
     * {@code batch at 3000 ms: 10 records in 120 ms (waited 4 ms to start)}: the batch time, the records
     * its input streams received, its processing delay and its scheduling delay.
     */
    public static String batchLine(BatchInfo info) {
        return String.format(
                Locale.ROOT,
                "batch at %d ms: %d records in %d ms (waited %d ms to start)",
                info.batchTime().milliseconds(),
                info.numRecords(),
                (Long) info.processingDelay().get(),
                (Long) info.schedulingDelay().get());
    }
}
