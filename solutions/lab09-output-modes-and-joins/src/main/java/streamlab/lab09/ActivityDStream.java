package streamlab.lab09;

import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Lab 09, DStream API: SQL on every batch, a join with a static RDD, and a running count. A DStream
 * has no output modes, no event time and no watermark: each batch is an RDD of what arrived in it.
 */
public final class ActivityDStream {

    /** The query {@link #sqlCounts} runs on each batch, whose readings are the temporary view {@code activity}. */
    public static final String COUNTS_SQL = "SELECT gt, count(*) AS n FROM activity GROUP BY gt";

    private ActivityDStream() {}

    /**
     * Each batch of JSON lines (activity readings) read as a DataFrame with the lab's schema, made the
     * temporary view {@code activity}, and queried with {@link #COUNTS_SQL}: rows {@code (gt, n)}, the
     * readings of each activity in this batch (a reading without {@code gt} counts under null).
     */
    public static JavaDStream<Row> sqlCounts(JavaDStream<String> jsonLines) {
        return jsonLines.transform(rdd -> {
            SparkSession spark =
                    SparkSession.builder().config(rdd.context().getConf()).getOrCreate();
            Dataset<Row> readings = spark.read()
                    .schema(ActivityStructured.SCHEMA)
                    .json(spark.createDataset(rdd.rdd(), Encoders.STRING()));
            readings.createOrReplaceTempView("activity");
            return spark.sql(COUNTS_SQL).javaRDD();
        });
    }

    /**
     * The activities of each batch (one name a line) counted, joined with the static
     * {@code descriptions} ({@code (activity, description)}) and counted per description:
     * {@code (description, count)}. Activities without a description are left out; two activities
     * with the same description add up.
     */
    public static JavaPairDStream<String, Long> describedCounts(
            JavaDStream<String> activities, JavaPairRDD<String, String> descriptions) {
        return activities
                .mapToPair(gt -> new Tuple2<>(gt, 1L))
                .reduceByKey((a, b) -> a + b)
                .transformToPair(counts -> counts.join(descriptions))
                .mapToPair(joined -> new Tuple2<>(joined._2()._2(), joined._2()._1()))
                .reduceByKey(Long::sum);
    }

    /** {@code (activity, readings so far)} after every batch, for every activity seen since the start. */
    public static JavaPairDStream<String, Long> runningCounts(JavaDStream<String> activities) {
        return activities
                .mapToPair(gt -> new Tuple2<>(gt, 1L))
                .updateStateByKey((List<Long> news, Optional<Long> total) -> {
                    long sum = total.orElse(0L);
                    for (long n : news) {
                        sum += n;
                    }
                    return Optional.of(sum);
                });
    }
}
