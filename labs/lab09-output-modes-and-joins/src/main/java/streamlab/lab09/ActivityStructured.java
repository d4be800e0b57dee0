package streamlab.lab09;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import streamlab.support.MissingSolutionException;

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
        // TODO 1: spark.readStream() with .schema(SCHEMA) (a file stream does not guess its schema), the
        //         option "maxFilesPerTrigger" set to 1 (one file per micro-batch, as the book does), then
        //         .json(folder).
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityStream: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** Columns {@code gt}, {@code count}: how many readings of each activity. For complete mode. */
    public static Dataset<Row> activityCounts(Dataset<Row> activity) {
        // TODO 2: group by the activity, gt, and count. Readings without gt are a group of their own (null).
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * {@link #activityCounts} ready to start: into the memory sink, as the table {@value #COUNTS_TABLE}
     * that {@code spark.sql} can query while the stream runs, the whole table after every trigger.
     */
    public static DataStreamWriter<Row> activityCountsToMemory(Dataset<Row> activity) {
        // TODO 3: activityCounts(activity).writeStream(), named with .queryName(COUNTS_TABLE) (the memory
        //         sink's table takes the query's name), .format("memory"), and the output mode that writes
        //         the whole table after every trigger.
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityCountsToMemory: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** The readings on stairs (up or down): columns {@code gt, model, arrival_time, creation_time}. Append mode. */
    public static Dataset<Row> stairs(Dataset<Row> activity) {
        // TODO 4: as the book: a column stairs = expr("gt like '%stairs%'"), keep the rows where stairs is
        //         true and gt is not null, then select gt, model, arrival_time, creation_time (names are
        //         case-insensitive: model finds Model).
        throw new MissingSolutionException("Lab 09, ActivityStructured.stairs: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The average acceleration for every combination of activity and model, with the subtotals of a
     * cube (a null in {@code gt} or {@code model} means "all of them"): columns {@code gt, model,
     * avg(x), avg(y), avg(z)}. For complete mode.
     */
    public static Dataset<Row> deviceModelStats(Dataset<Row> activity) {
        // TODO 5: cube("gt", "model") groups by (gt, model), by gt alone, by model alone and by nothing;
        //         then avg("x", "y", "z").
        throw new MissingSolutionException("Lab 09, ActivityStructured.deviceModelStats: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * Each reading beside the average {@code x} of its user in the static {@code history} (readings of
     * earlier days): columns {@code User, gt, x, usual_x}. A user without history is left out.
     */
    public static Dataset<Row> withUsualX(Dataset<Row> activity, Dataset<Row> history) {
        // TODO 6: a static table of the users' averages: history.groupBy("User").agg(avg("x").as("usual_x")).
        // TODO 7: join the stream with it on the column User (an inner join, the default), then select
        //         User, gt, x, usual_x.
        throw new MissingSolutionException("Lab 09, ActivityStructured.withUsualX: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * Readings per activity in tumbling windows of 10 s of their creation time: columns {@code window,
     * gt, count}. {@code Creation_Time} is in nanoseconds: divided by 10^9 and cast to a timestamp.
     */
    public static Dataset<Row> windowedCounts(Dataset<Row> activity) {
        // TODO 8: an event-time column, as the book: col("Creation_Time").divide(1e9).cast("timestamp")
        //         (a number cast to a timestamp is read as seconds since the epoch).
        // TODO 9: groupBy(window(thatColumn, "10 seconds"), col("gt")).count().
        throw new MissingSolutionException("Lab 09, ActivityStructured.windowedCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
