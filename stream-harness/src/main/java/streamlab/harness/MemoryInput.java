package streamlab.harness;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream$;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A streaming source the test fills by hand: Spark's MemoryStream, kept behind this one class because
 * its package moves between Spark versions (4.1 and 4.2 have it in {@code execution.streaming.runtime}).
 *
 * <p>Each batch is spread over {@value #PARTITIONS} partitions, row by row in turn, as a DStream test's
 * batch is: an answer that is right only while a key stays in one partition is caught.
 */
public final class MemoryInput<T> {

    private final MemoryStream<T> stream;

    private MemoryInput(MemoryStream<T> stream) {
        this.stream = stream;
    }

    /** How many partitions each batch is spread over. */
    public static final int PARTITIONS = 2;

    public static <T> MemoryInput<T> of(Encoder<T> encoder, SparkSession spark) {
        MemoryStream$ streams = MemoryStream$.MODULE$;
        int id = streams.memoryStreamId().getAndIncrement();
        return new MemoryInput<>(streams.apply(id, spark, Option.apply((Object) PARTITIONS), encoder));
    }

    /** The stream as an untyped DataFrame (one column {@code value} for simple types). */
    public Dataset<Row> toDF() {
        return stream.toDF();
    }

    /** Makes these elements the next batch of the stream (an empty list is an empty batch). */
    public void add(List<T> batch) {
        stream.addData(CollectionConverters.asScala(batch).toSeq());
    }
}
