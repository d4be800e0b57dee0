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
        // TODO: input: a folder of JSON-lines files. Output: the files as a stream with SCHEMA, one file per
        //       micro-batch.
        //       The idea: a file stream with a given schema and a limit per micro-batch (lab 07).
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityStream: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** Columns {@code gt}, {@code count}: how many readings of each activity. For complete mode. */
    public static Dataset<Row> activityCounts(Dataset<Row> activity) {
        // TODO: output: the columns gt and count: how many readings of each activity (readings without gt are
        //       a group of their own, null). For complete mode.
        //       The idea: an aggregation, whose output modes the lab compares.
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * {@link #activityCounts} ready to start: into the memory sink, as the table {@value #COUNTS_TABLE}
     * that {@code spark.sql} can query while the stream runs, the whole table after every trigger.
     */
    public static DataStreamWriter<Row> activityCountsToMemory(Dataset<Row> activity) {
        // TODO: output: activityCounts ready to start, into the memory sink as the table COUNTS_TABLE that
        //       SQL can query while the stream runs, the whole table after every trigger.
        //       The idea: the memory sink, its table's name, and the output mode that writes the whole table.
        throw new MissingSolutionException("Lab 09, ActivityStructured.activityCountsToMemory: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /** The readings on stairs (up or down): columns {@code gt, model, arrival_time, creation_time}. Append mode. */
    public static Dataset<Row> stairs(Dataset<Row> activity) {
        // TODO: output: the readings on stairs (gt contains "stairs", gt not null): the columns gt, model,
        //       arrival_time, creation_time. Append mode.
        //       The idea: a query without aggregation: each row is final when it is written.
        throw new MissingSolutionException("Lab 09, ActivityStructured.stairs: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The average acceleration for every combination of activity and model, with the subtotals of a
     * cube (a null in {@code gt} or {@code model} means "all of them"): columns {@code gt, model,
     * avg(x), avg(y), avg(z)}. For complete mode.
     */
    public static Dataset<Row> deviceModelStats(Dataset<Row> activity) {
        // TODO: output: the columns gt, model, avg(x), avg(y), avg(z): the average acceleration for every
        //       combination of activity and model, with the subtotals (a null means "all of them").
        //       The idea: a multi-dimensional aggregation over a stream, for complete mode.
        throw new MissingSolutionException("Lab 09, ActivityStructured.deviceModelStats: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * The cube of {@link #deviceModelStats}, average {@code x} only, beside the same cube of the static
     * {@code history}: a row for each combination (subtotals included) that both have, a null in one
     * matching a null in the other: columns {@code gt, model, avg_x, usual_x}. For complete mode.
     */
    public static Dataset<Row> cubeBesideHistory(Dataset<Row> activity, Dataset<Row> history) {
        // TODO: output: the columns gt, model, avg_x, usual_x: the average x of every combination of activity
        //       and model in the stream, subtotals included, beside the same average in the static history,
        //       for the combinations both have ("all of them" in one matches "all of them" in the other).
        //       The idea: a streaming aggregation joined to a static one, in complete mode (seed 001).
        throw new MissingSolutionException("Lab 09, ActivityStructured.cubeBesideHistory: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * Each reading beside the average {@code x} of its user in the static {@code history} (readings of
     * earlier days): columns {@code User, gt, x, usual_x}. A user without history is left out.
     */
    public static Dataset<Row> withUsualX(Dataset<Row> activity, Dataset<Row> history) {
        // TODO: input: the readings and a static history. Output: the columns User, gt, x, usual_x: each
        //       reading beside its user's average x in the history; a user without history is left out.
        //       The idea: a join of a stream with a static table.
        throw new MissingSolutionException("Lab 09, ActivityStructured.withUsualX: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }

    /**
     * Readings per activity in tumbling windows of 10 s of their creation time: columns {@code window,
     * gt, count}. {@code Creation_Time} is in nanoseconds: divided by 10^9 and cast to a timestamp.
     */
    public static Dataset<Row> windowedCounts(Dataset<Row> activity) {
        // TODO: output: the columns window, gt, count: readings per activity in tumbling windows of 10 s of
        //       their creation time (Creation_Time is in nanoseconds since the epoch).
        //       The idea: an event-time column computed from a number, then a window on it.
        throw new MissingSolutionException("Lab 09, ActivityStructured.windowedCounts: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
