package streamlab.lab09;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * The five kinds of query of the output-mode matrix (given, nothing to write here), on a stream of
 * activity names with their event time: columns {@code value} (the activity) and {@code timestamp}.
 */
public enum MatrixQuery {

    /** {@code where} and {@code select}: one output row per input row, never changed afterwards. */
    SELECT_FILTER,
    /** {@code groupBy("value").count()}: a count that every new row may change. */
    AGGREGATION,
    /** A count per 10 s window of event time, with a watermark of 5 s: a window is final once the watermark passes its end. */
    WATERMARKED_AGGREGATION,
    /** Each row joined with a static table of descriptions: one output row per matching input row. */
    STREAM_STATIC_JOIN,
    /** The counts of {@link #AGGREGATION}, sorted by count, highest first. */
    SORTED_AGGREGATION;

    /** The query on {@code events} (columns {@code value}, {@code timestamp}). */
    public Dataset<Row> on(Dataset<Row> events) {
        return switch (this) {
            case SELECT_FILTER -> events.where("value like '%stairs%'").select("value");
            case AGGREGATION -> events.groupBy("value").count();
            case WATERMARKED_AGGREGATION ->
                events.withWatermark("timestamp", "5 seconds")
                        .groupBy(window(col("timestamp"), "10 seconds"), col("value"))
                        .count();
            case STREAM_STATIC_JOIN ->
                events.join(descriptions(events.sparkSession()), col("value").equalTo(col("gt")))
                        .select("value", "description");
            case SORTED_AGGREGATION ->
                events.groupBy("value").count().orderBy(col("count").desc());
        };
    }

    /** The static table of the join: columns {@code gt}, {@code description}. */
    public static Dataset<Row> descriptions(SparkSession spark) {
        return spark.createDataset(
                        List.of(
                                new Tuple2<>("sit", "sitting"),
                                new Tuple2<>("walk", "walking"),
                                new Tuple2<>("stairsup", "climbing stairs")),
                        Encoders.tuple(Encoders.STRING(), Encoders.STRING()))
                .toDF("gt", "description");
    }
}
