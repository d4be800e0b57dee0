package streamlab.lab12;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import scala.Tuple2;

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
        return lines.flatMap(line -> IotEvent.parse(line).stream().iterator())
                .filter(IotEvent::high)
                .mapToPair(event -> new Tuple2<>(event.deviceId(), 1L))
                .updateStateByKey(RecoveryDStream::addUp);
    }

    /**
     * The function that {@code getOrCreate} calls when the checkpoint directory holds no checkpoint: a
     * new context on {@code sc} with batches of {@code batch}, that checkpoints to
     * {@code checkpointDir}, reads the new files of {@code inputDir}, keeps {@link #highTotals} and hands
     * the totals to {@code output} after every batch.
     */
    public static JavaStreamingContext createContext(
            JavaSparkContext sc, String checkpointDir, String inputDir, Duration batch, TotalsOutput output) {
        JavaStreamingContext ssc = new JavaStreamingContext(sc, batch);
        ssc.checkpoint(checkpointDir);
        JavaDStream<String> lines = ssc.textFileStream(inputDir);
        highTotals(lines).foreachRDD((totals, time) -> output.batchDone(time.milliseconds(), totals.collectAsMap()));
        return ssc;
    }

    /** The update function of updateStateByKey: the previous total plus this batch's events. */
    private static Optional<Long> addUp(List<Long> newEvents, Optional<Long> total) {
        long sum = total.orElse(0L);
        for (long n : newEvents) {
            sum += n;
        }
        return Optional.of(sum);
    }
}
