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
        // TODO 1: each line as an event: lines.flatMap(line -> IotEvent.parse(line).stream().iterator())
        //         (parse gives an empty Optional for a line that is not an event).
        // TODO 2: keep the HIGH events (IotEvent::high) and make a pair (deviceId, 1L) of each.
        // TODO 3: updateStateByKey with an update function (List<Long> newEvents, Optional<Long> total) -> ...:
        //         the previous total (0 when there is none) plus the new events. Optional is
        //         org.apache.spark.api.java.Optional. The state is saved in the checkpoint: after a restart
        //         the totals go on from there.
        throw new MissingSolutionException("Lab 12, RecoveryDStream.highTotals: parse the lines (IotEvent.parse),"
                + " keep the HIGH events, mapToPair (deviceId, 1L), then updateStateByKey adding the new events"
                + " to the previous total.");
    }

    /**
     * The function that {@code getOrCreate} calls when the checkpoint directory holds no checkpoint: a
     * new context on {@code sc} with batches of {@code batch}, that checkpoints to
     * {@code checkpointDir}, reads the new files of {@code inputDir}, keeps {@link #highTotals} and hands
     * the totals to {@code output} after every batch.
     */
    public static JavaStreamingContext createContext(JavaSparkContext sc, String checkpointDir, String inputDir,
                                                     Duration batch, TotalsOutput output) {
        // TODO 1: new JavaStreamingContext(sc, batch), and tell it where to checkpoint: ssc.checkpoint(checkpointDir).
        //         Everything getOrCreate must find again goes here, inside this function: it is called only
        //         when there is no checkpoint, and a recovered context is rebuilt from the checkpoint alone.
        // TODO 2: the lines of the new files of inputDir: ssc.textFileStream(inputDir).
        // TODO 3: highTotals(lines), and an output operation that hands each batch's totals to output:
        //           .foreachRDD((totals, time) -> output.batchDone(time.milliseconds(), totals.collectAsMap()))
        //         (the function is saved in the checkpoint with the graph: it may use output, which is
        //         Serializable, but nothing else of the program).
        // TODO 4: return the context; do not start it (getOrCreate's caller does).
        throw new MissingSolutionException("Lab 12, RecoveryDStream.createContext: new JavaStreamingContext(sc, batch),"
                + " ssc.checkpoint(checkpointDir), textFileStream(inputDir), highTotals, foreachRDD handing"
                + " (time, totals.collectAsMap()) to output; return it unstarted.");
    }
}
