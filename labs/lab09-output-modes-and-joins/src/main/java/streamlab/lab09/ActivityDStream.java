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
        // TODO: input: JSON lines of activity readings, batch by batch. Output: the rows (gt, n) that
        //       COUNTS_SQL gives on each batch, read with the lab's schema as the temporary view activity.
        //       The idea: SQL on every batch: each batch's RDD becomes a DataFrame on the driver.
        throw new MissingSolutionException("Lab 09, ActivityDStream.sqlCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The activities of each batch (one name a line) counted, joined with the static
     * {@code descriptions} ({@code (activity, description)}) and counted per description:
     * {@code (description, count)}. Activities without a description are left out; two activities
     * with the same description add up.
     */
    public static JavaPairDStream<String, Long> describedCounts(
            JavaDStream<String> activities, JavaPairRDD<String, String> descriptions) {
        // TODO: input: activity names, one a line, and a static RDD of (activity, description). Output:
        //       (description, count) per batch; activities without a description are left out, two
        //       activities with the same description add up.
        //       The idea: a join of every batch's RDD with a static RDD.
        throw new MissingSolutionException("Lab 09, ActivityDStream.describedCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** {@code (activity, readings so far)} after every batch, for every activity seen since the start. */
    public static JavaPairDStream<String, Long> runningCounts(JavaDStream<String> activities) {
        // TODO: input: activity names, batch by batch. Output: after every batch, (activity, readings so far)
        //       for every activity seen since the start.
        //       The idea: a running count as state per key (lab 02); it needs the checkpoint the tests set.
        throw new MissingSolutionException("Lab 09, ActivityDStream.runningCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
