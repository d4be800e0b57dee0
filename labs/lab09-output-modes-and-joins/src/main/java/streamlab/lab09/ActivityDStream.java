package streamlab.lab09;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: jsonLines.transform(rdd -> ...): the function runs on the driver for every batch.
        // TODO 2: in it, the session: SparkSession.builder().config(rdd.context().getConf()).getOrCreate().
        // TODO 3: the batch as a DataFrame: spark.read().schema(ActivityStructured.SCHEMA)
        //         .json(spark.createDataset(rdd.rdd(), Encoders.STRING())); make it the temporary view
        //         "activity" (createOrReplaceTempView) and return spark.sql(COUNTS_SQL).javaRDD().
        throw new MissingSolutionException("Lab 09, ActivityDStream.sqlCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The activities of each batch (one name a line) counted, joined with the static
     * {@code descriptions} ({@code (activity, description)}) and counted per description:
     * {@code (description, count)}. Activities without a description are left out; two activities
     * with the same description add up.
     */
    public static JavaPairDStream<String, Long> describedCounts(JavaDStream<String> activities,
                                                                JavaPairRDD<String, String> descriptions) {
        // TODO 4: count the activities of the batch: mapToPair to (activity, 1L), reduceByKey.
        // TODO 5: transformToPair(counts -> counts.join(descriptions)): a join of each batch's RDD with the
        //         static RDD gives (activity, (count, description)).
        // TODO 6: key by the description, (description, count), and add up the counts of each description.
        throw new MissingSolutionException("Lab 09, ActivityDStream.describedCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** {@code (activity, readings so far)} after every batch, for every activity seen since the start. */
    public static JavaPairDStream<String, Long> runningCounts(JavaDStream<String> activities) {
        // TODO 7: mapToPair to (activity, 1L), then updateStateByKey((List<Long> news, Optional<Long> total)
        //         -> Optional.of(total so far, or 0, plus the sum of news)). Optional is
        //         org.apache.spark.api.java.Optional; it needs a checkpoint directory (the tests set one).
        throw new MissingSolutionException("Lab 09, ActivityDStream.runningCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
