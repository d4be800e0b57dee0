package streamlab.lab09;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.window;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;

/**
 * Lab 09, Structured Streaming API: the activity readings of "Spark: The Definitive Guide", ch. 21, as
 * a stream of files, and the queries the book runs on it.
 *
 * <p>One row per reading, with the columns of {@link #SCHEMA}: {@code Arrival_Time} (epoch
 * milliseconds), {@code Creation_Time} (epoch <em>nanoseconds</em>), {@code Device}, {@code Index},
 * {@code Model}, {@code User}, {@code gt} (the activity: sit, stand, walk, bike, stairsup, stairsdown,
 * or the text "null") and the acceleration {@code x}, {@code y}, {@code z}.
 */
public final class ActivityStructured {

    /** The columns of an activity file, as {@code spark.read().json(folder).schema()} finds them. */
    public static final String SCHEMA = "Arrival_Time BIGINT, Creation_Time BIGINT, Device STRING, Index BIGINT,"
            + " Model STRING, User STRING, gt STRING, x DOUBLE, y DOUBLE, z DOUBLE";

    /** The name of the memory sink's table of {@link #activityCountsToMemory}. */
    public static final String COUNTS_TABLE = "activity_counts";

    private ActivityStructured() {}

    /** The JSON-lines files of {@code folder} as a stream, with {@link #SCHEMA}, one file per micro-batch. */
    public static Dataset<Row> activityStream(SparkSession spark, String folder) {
        return spark.readStream().schema(SCHEMA).option("maxFilesPerTrigger", 1).json(folder);
    }

    /** Columns {@code gt}, {@code count}: how many readings of each activity. For complete mode. */
    public static Dataset<Row> activityCounts(Dataset<Row> activity) {
        return activity.groupBy("gt").count();
    }

    /**
     * {@link #activityCounts} ready to start: into the memory sink, as the table {@value #COUNTS_TABLE}
     * that {@code spark.sql} can query while the stream runs, the whole table after every trigger.
     */
    public static DataStreamWriter<Row> activityCountsToMemory(Dataset<Row> activity) {
        return activityCounts(activity)
                .writeStream()
                .queryName(COUNTS_TABLE)
                .format("memory")
                .outputMode("complete");
    }

    /** The readings on stairs (up or down): columns {@code gt, model, arrival_time, creation_time}. Append mode. */
    public static Dataset<Row> stairs(Dataset<Row> activity) {
        return activity.withColumn("stairs", expr("gt like '%stairs%'"))
                .where("stairs")
                .where("gt is not null")
                .select("gt", "model", "arrival_time", "creation_time");
    }

    /**
     * The average acceleration for every combination of activity and model, with the subtotals of a
     * cube (a null in {@code gt} or {@code model} means "all of them"): columns {@code gt, model,
     * avg(x), avg(y), avg(z)}. For complete mode.
     */
    public static Dataset<Row> deviceModelStats(Dataset<Row> activity) {
        return activity.cube("gt", "model").avg("x", "y", "z");
    }

    /**
     * The cube of {@link #deviceModelStats}, average {@code x} only, beside the same cube of the static
     * {@code history}: a row for each combination (subtotals included) that both have, a null in one
     * matching a null in the other: columns {@code gt, model, avg_x, usual_x}. For complete mode.
     */
    public static Dataset<Row> cubeBesideHistory(Dataset<Row> activity, Dataset<Row> history) {
        Dataset<Row> now = activity.cube("gt", "model").agg(avg("x").as("avg_x"));
        Dataset<Row> usual = history.cube("gt", "model").agg(avg("x").as("usual_x"));
        // a subtotal's null is "all of them": an equi-join (=) never matches a null, a null-safe one (<=>) does
        return now.join(
                        usual,
                        now.col("gt")
                                .eqNullSafe(usual.col("gt"))
                                .and(now.col("model").eqNullSafe(usual.col("model"))))
                .select(now.col("gt"), now.col("model"), col("avg_x"), col("usual_x"));
    }

    /**
     * Each reading beside the average {@code x} of its user in the static {@code history} (readings of
     * earlier days): columns {@code User, gt, x, usual_x}. A user without history is left out.
     */
    public static Dataset<Row> withUsualX(Dataset<Row> activity, Dataset<Row> history) {
        Dataset<Row> usual = history.groupBy("User").agg(avg("x").as("usual_x"));
        return activity.join(usual, "User").select("User", "gt", "x", "usual_x");
    }

    /**
     * Readings per activity in tumbling windows of 10 s of their creation time: columns {@code window,
     * gt, count}. {@code Creation_Time} is in nanoseconds: divided by 10^9 and cast to a timestamp.
     */
    public static Dataset<Row> windowedCounts(Dataset<Row> activity) {
        return activity.withColumn(
                        "event_time", col("Creation_Time").divide(1e9).cast("timestamp"))
                .groupBy(window(col("event_time"), "10 seconds"), col("gt"))
                .count();
    }
}
