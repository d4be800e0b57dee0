package streamlab.lab06;

import java.util.List;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: a java.util.Queue<JavaRDD<String>> (a LinkedList) with one RDD per batch:
        //         ssc.sparkContext().parallelize(batch, 2).
        // TODO 2: ssc.queueStream(queue, true): oneAtATime = true takes one RDD per batch interval.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.queued: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * DStreams' stand-in for the rate source: in every batch, the values {@code 0 .. perBatch - 1}, each
     * paired with the batch's time in milliseconds: {@code (batchTime, value)}.
     */
    public static JavaPairDStream<Long, Long> ticks(JavaStreamingContext ssc, long perBatch) {
        // TODO 1: an RDD of the values 0L .. perBatch - 1 over 2 partitions (ssc.sparkContext().parallelize).
        // TODO 2: ssc.queueStream(new LinkedList<>(), true, thatRdd): an empty queue whose default RDD comes
        //         again in every batch.
        // TODO 3: transformToPair((rdd, time) -> rdd.mapToPair(v -> new Tuple2<>(time.milliseconds(), v))):
        //         the batch's time is the second argument of transform.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.ticks: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * Stops {@code running} but not its SparkContext, and returns a new StreamingContext with batches of
     * {@code batch} on that same SparkContext (not started yet).
     */
    public static JavaStreamingContext nextContext(JavaStreamingContext running, Duration batch) {
        // TODO: keep running.sparkContext(), stop the StreamingContext alone (stop(false): false = leave the
        //       SparkContext running), and return new JavaStreamingContext(thatSparkContext, batch).
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.nextContext: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }
}
