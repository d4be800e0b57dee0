package streamlab.lab06;

import java.util.List;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
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
        // TODO: input: a list of batches, each a list of lines. Output: a DStream that gives one RDD per batch
        //       interval, in order, each RDD spread over 2 partitions; empty batches after the last one.
        //       The idea: feed a DStream from RDDs you made yourself, without a server.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.queued: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * DStreams' stand-in for the rate source: in every batch, the values {@code 0 .. perBatch - 1}, each
     * paired with the batch's time in milliseconds: {@code (batchTime, value)}.
     */
    public static JavaPairDStream<Long, Long> ticks(JavaStreamingContext ssc, long perBatch) {
        // TODO: output: in every batch, the values 0 .. perBatch - 1, each paired with the batch's time in
        //       milliseconds: (batchTime, value), spread over 2 partitions.
        //       The idea: one RDD that comes again in every batch, and a transformation that sees the batch time.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.ticks: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * Stops {@code running} but not its SparkContext, and returns a new StreamingContext with batches of
     * {@code batch} on that same SparkContext (not started yet).
     */
    public static JavaStreamingContext nextContext(JavaStreamingContext running, Duration batch) {
        // TODO: input: a running StreamingContext and a batch interval. Output: a new StreamingContext (not
        //       started) with that batch interval, on the same SparkContext; the running one is stopped.
        //       The idea: a StreamingContext lives once, but its SparkContext can serve the next one.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.nextContext: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }

    /**
     * One line for a completed batch, as a {@code StreamingListener} sees it in {@code onBatchCompleted}:
     * {@code batch at 3000 ms: 10 records in 120 ms (waited 4 ms to start)}: the batch time, the records
     * its input streams received, its processing delay and its scheduling delay.
     */
    public static String batchLine(BatchInfo info) {
        // TODO: input: what a StreamingListener's onBatchCompleted receives about a finished batch. Output:
        //       one line with the batch time, its records, how long it took and how long it waited to start.
        //       The idea: the DStream's monitoring numbers, the counterpart of a micro-batch's progress.
        throw new MissingSolutionException("Lab 06, RateTriggersDStream.batchLine: the hints are in"
                + " labs/lab06-rate-and-triggers/README.md, section Hints.");
    }
}
