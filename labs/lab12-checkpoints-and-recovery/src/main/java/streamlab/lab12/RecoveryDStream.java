package streamlab.lab12;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import streamlab.support.MissingSolutionException;

/**
 * Lab 12, DStream API: a program that survives being killed. {@code JavaStreamingContext.getOrCreate}
 * rebuilds the whole context (the graph, its functions, the batches in flight, the state) from the
 * checkpoint, or calls {@link #createContext} when there is none.
 */
public final class RecoveryDStream {

    private RecoveryDStream() {}

    /**
     * The number of HIGH events per device since the start: after every batch, {@code (deviceId, total)}
     * for every device that has had one. Lines that are not events are left out.
     */
    public static JavaPairDStream<String, Long> highTotals(JavaDStream<String> lines) {
        // TODO: input: lines of text, some of them IoT events as JSON (IotEvent can read one), some not.
        //       Output: after every batch, (deviceId, total) for every device that has had a HIGH event: the
        //       number of its HIGH events since the start, not only in this batch. Lines that are not events
        //       are left out.
        //       The idea: a running total kept as state per key, which the checkpoint saves and a restart
        //       brings back.
        throw new MissingSolutionException("Lab 12, RecoveryDStream.highTotals: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }

    /**
     * The function that {@code getOrCreate} calls when the checkpoint directory holds no checkpoint: a
     * new context on {@code sc} with batches of {@code batch}, that checkpoints to
     * {@code checkpointDir}, reads the new files of {@code inputDir}, keeps {@link #highTotals} and hands
     * the totals to {@code output} after every batch.
     */
    public static JavaStreamingContext createContext(
            JavaSparkContext sc, String checkpointDir, String inputDir, Duration batch, TotalsOutput output) {
        // TODO: input: a Spark context, the checkpoint and input folders, the batch interval, and where the
        //       totals go. Output: a new streaming context, not started, with batches of that interval, that
        //       checkpoints to checkpointDir, reads the new files of inputDir, keeps highTotals of their lines
        //       and hands each batch's totals, with the batch's time, to output.
        //       The idea: this function runs only when there is no checkpoint; a recovered context is rebuilt
        //       from the checkpoint alone, so everything it needs (the checkpoint folder too) is set up here,
        //       and the functions in its graph may use output (Serializable) but nothing else of the program.
        throw new MissingSolutionException("Lab 12, RecoveryDStream.createContext: the hints are in"
                + " labs/lab12-checkpoints-and-recovery/README.md, section Hints.");
    }
}
