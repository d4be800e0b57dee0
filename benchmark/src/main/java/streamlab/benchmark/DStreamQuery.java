package streamlab.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * The DStream queries: a receiver ({@code socketTextStream}) or the direct Kafka stream, and word counts, either of each batch (lab 01) or over
 * the last 10 s every 2 s with {@code reduceByKeyAndWindow} and its inverse function (lab 03's incremental form,
 * the one that does not count the whole window again every slide). Every batch's counts are collected to the
 * driver in {@code foreachRDD}: that is when a marker's count becomes visible. The windowed query's state is noted
 * after every batch: the words of its window's counts, and the memory of the RDDs it keeps cached for the window.
 */
final class DStreamQuery implements StreamQuery {

    private final SparkSession spark;
    private final boolean windowed;
    private final long batchMillis;
    private final Path checkpoint;
    private final LineCounts counts = new LineCounts();
    private final List<StateSample> state = new CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private volatile long measuredFrom = Long.MAX_VALUE;
    private volatile long lastSchedulingDelayMillis;
    /**
     * The words of the last window's counts, written by the (serialized, checkpointed) output function: a static,
     * because that function may hold no reference to this object. One query runs at a time.
     */
    private static final AtomicLong WINDOW_WORDS = new AtomicLong();

    private JavaStreamingContext ssc;
    private LongAccumulator linesTokenized;

    DStreamQuery(SparkSession spark, boolean windowed, long batchMillis, Path checkpoint) {
        this.spark = spark;
        this.windowed = windowed;
        this.batchMillis = batchMillis;
        this.checkpoint = checkpoint;
    }

    @Override
    public void start(Input input) {
        WINDOW_WORDS.set(0);
        ssc = new JavaStreamingContext(
                JavaSparkContext.fromSparkContext(spark.sparkContext()), Durations.milliseconds(batchMillis));
        ssc.addStreamingListener(new BatchListener());
        LongAccumulator tokenized = spark.sparkContext().longAccumulator("lines tokenized");
        linesTokenized = tokenized;
        JavaPairDStream<String, Long> words = input.lines(ssc)
                .flatMap(line -> {
                    tokenized.add(1);
                    return Tokens.split(line).iterator();
                })
                .mapToPair(word -> new Tuple2<>(word, 1L));
        JavaPairDStream<String, Long> counts;
        if (windowed) {
            ssc.checkpoint(checkpoint.toString()); // the inverse function keeps the previous window's counts
            counts = words.reduceByKeyAndWindow(
                    Long::sum,
                    (count, leaving) -> count - leaving,
                    Durations.seconds(Series.WINDOW_SECONDS),
                    Durations.seconds(Series.SLIDE_SECONDS),
                    spark.sparkContext().defaultParallelism(),
                    wordCount -> wordCount._2() > 0);
        } else {
            counts = words.reduceByKey(Long::sum);
        }
        counts.foreachRDD(rdd -> {
            List<String> shown = rdd.collect().stream().map(Tuple2::_1).toList();
            Markers.visible(shown);
            WINDOW_WORDS.set(shown.size());
        });
        ssc.start();
    }

    @Override
    public double linesPerSecond(long from, long to) {
        return counts.perSecond(from, to);
    }

    @Override
    public void startMeasuring() {
        measuredFrom = System.nanoTime();
    }

    @Override
    public String fallingBehind() {
        if (!counts.anyFinished(measuredFrom, System.nanoTime())) {
            return "no batch finished in the measured period";
        }
        long delay = lastSchedulingDelayMillis;
        if (delay >= batchMillis) {
            return String.format(Locale.ROOT, "batches queue up: the last one waited %.1f s to start", delay / 1000.0);
        }
        return null;
    }

    @Override
    public List<StateSample> state() {
        return state;
    }

    @Override
    public void close() {
        if (ssc != null) {
            ssc.stop(false, false); // keep the SparkContext for the next step; a graceful stop would wait for the queue
        }
    }

    /**
     * Notes the lines tokenized by the end of each batch, keeps the scheduling delay of the last one, and the windowed
     * query's state.
     */
    private final class BatchListener implements StreamingListener {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
            BatchInfo batch = completed.batchInfo();
            counts.finished(linesTokenized.value());
            lastSchedulingDelayMillis = batch.schedulingDelay().isDefined()
                    ? (Long) batch.schedulingDelay().get()
                    : 0;
            if (windowed) {
                long cached = Arrays.stream(spark.sparkContext().getRDDStorageInfo())
                        .mapToLong(RDDInfo::memSize)
                        .sum();
                state.add(new StateSample((System.nanoTime() - started) / 1e9, WINDOW_WORDS.get(), cached));
            }
        }
    }
}
