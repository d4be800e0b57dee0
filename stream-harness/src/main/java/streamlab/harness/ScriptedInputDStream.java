package streamlab.harness;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.Option;
import scala.reflect.ClassTag;

/**
 * An input DStream that gives batch k of a script at the k-th batch time (and nothing after the
 * script ends). Unlike {@code queueStream} it is serializable with the DStream graph, so it also comes
 * back from a checkpoint: a restarted context goes on with the batches it had not read.
 */
final class ScriptedInputDStream<T> extends InputDStream<T> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<ArrayList<T>> batches;

    ScriptedInputDStream(StreamingContext ssc, List<List<T>> batches, ClassTag<T> tag) {
        super(ssc, tag);
        this.batches = new ArrayList<>();
        for (List<T> batch : batches) {
            this.batches.add(new ArrayList<>(batch));
        }
    }

    /** Which script batch a batch time reads: the first batch time reads batch 0. */
    static int batchIndex(long batchTimeMs, long zeroTimeMs, long batchMs) {
        return (int) ((batchTimeMs - zeroTimeMs) / batchMs) - 1;
    }

    @Override
    public Option<RDD<T>> compute(Time validTime) {
        int index = batchIndex(
                validTime.milliseconds(),
                zeroTime().milliseconds(),
                slideDuration().milliseconds());
        List<T> data = index >= 0 && index < batches.size() ? batches.get(index) : List.of();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(context().sparkContext());
        return Option.apply(sc.parallelize(data, 2).rdd());
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}
}
