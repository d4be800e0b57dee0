package streamlab.lab05;

import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 05, DStream API: count the words of each batch, leaving out the words of the exclude list, and
 * count the words left out.
 *
 * <p>Input: the lines of one batch. Output: {@code (word, count)} for the words of this batch that are
 * not on the exclude list ({@link ExcludeList}). Every word left out adds 1 to the accumulator
 * {@link DroppedWords}, exactly once, however many output operations use the result.
 */
public final class ExcludeDStream {

    private ExcludeDStream() {}

    public static JavaPairDStream<String, Long> keptCounts(JavaDStream<String> lines) {
        // transform's function runs on the driver once per batch, when the batch's RDD is made: the
        // place to get the singletons, so that a recovered graph finds (or creates) them there too.
        return lines.transformToPair(rdd -> {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(rdd.context());
            Broadcast<Set<String>> excluded = ExcludeList.getInstance(sc);
            LongAccumulator dropped = DroppedWords.getInstance(sc);
            return rdd.flatMap(line -> Tokens.split(line).iterator())
                    .filter(word -> {
                        if (excluded.value().contains(word)) {
                            dropped.add(1);
                            return false;
                        }
                        return true;
                    })
                    // the filter runs before the shuffle, in the map stage: a second job on the same
                    // batch reuses the shuffle files and does not run the filter (nor the add) again
                    .mapToPair(word -> new Tuple2<>(word, 1L))
                    .reduceByKey(Long::sum);
        });
    }
}
