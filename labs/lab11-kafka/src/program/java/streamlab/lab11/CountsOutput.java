package streamlab.lab11;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.kafka010.OffsetRange;
import scala.Tuple2;

/**
 * Given code: where {@link KafkaDirectDStream#countAndCommit} hands each batch's result, on the driver. The
 * program prints it; the tests record it. When this returns, the batch's output is done.
 */
@FunctionalInterface
public interface CountsOutput extends Serializable {

    /** The word counts of the batch at {@code time}, and the offset ranges (one per partition) it read. */
    void write(Time time, OffsetRange[] ranges, List<Tuple2<String, Long>> counts);
}
