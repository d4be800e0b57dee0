package streamlab.lab07;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Lab 07, Structured Streaming API: a folder of JSON-lines files read as a stream, and a folder of
 * Parquet files written as one.
 *
 * <p>A file source lists its folder at every trigger and reads the files it has not read yet; its
 * checkpoint remembers which ones it read. The Parquet sink writes each micro-batch's files, then
 * lists them in its own log, {@code _spark_metadata}: a file not in the log is not part of the output.
 */
public final class FileSourcesStructured {

    /** The column where PERMISSIVE mode puts the text of a line it could not parse. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    /** The name of the observed metric of {@link #countingBadLines}. */
    public static final String LINES_METRIC = "lines";

    /** How late, in event time, a copy of an event may come and still be recognised as one. */
    public static final String COPY_DELAY = "1 minute";

    private FileSourcesStructured() {}

    /**
     * The schema of {@code datasets/zipcodes}, the seed's 16 fields in the files' order: {@code RecordNumber}
     * an integer, then {@code Zipcode, ZipCodeType, City, State, LocationType, Lat, Long, Xaxis, Yaxis,
     * Zaxis, WorldRegion, Country, LocationText, Location, Decommisioned} (the seed's spelling), all
     * strings, all nullable.
     */
    public static StructType zipcodeSchema() {
        StructType schema = new StructType().add("RecordNumber", DataTypes.IntegerType, true);
        for (String name : new String[] {
            "Zipcode",
            "ZipCodeType",
            "City",
            "State",
            "LocationType",
            "Lat",
            "Long",
            "Xaxis",
            "Yaxis",
            "Zaxis",
            "WorldRegion",
            "Country",
            "LocationText",
            "Location",
            "Decommisioned"
        }) {
            schema = schema.add(name, DataTypes.StringType, true);
        }
        return schema;
    }

    /**
     * The JSON-lines files of {@code dir} as a stream with the given schema, at most
     * {@code filesPerTrigger} new files in each micro-batch.
     */
    public static Dataset<Row> jsonFiles(SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        return spark.readStream()
                .schema(schema)
                .option("maxFilesPerTrigger", filesPerTrigger)
                .json(dir);
    }

    /**
     * The lines of the {@code .log} files in every folder one level below {@code root} (one folder per day,
     * say, also those made while the query runs), as the {@code text} format gives them: one column,
     * {@code value}. A glob path, {@code root/*}{@code /*.log}; other files, and files in {@code root} itself
     * or deeper down, are not read.
     */
    public static Dataset<Row> logLines(SparkSession spark, String root) {
        return spark.readStream().text(root + "/*/*.log");
    }

    /**
     * The schema Spark finds in the files already in {@code dir}, with a static read: what Spark's
     * "Schema must be specified" error proposes.
     */
    public static StructType inferredSchema(SparkSession spark, String dir) {
        return spark.read().json(dir).schema();
    }

    /**
     * As {@link #jsonFiles}, in PERMISSIVE mode with the column {@value #CORRUPT_RECORD} after the
     * schema's columns: a line that does not fit the schema is kept as a row whose
     * {@value #CORRUPT_RECORD} holds the line's text (its other columns hold what could be read, or null);
     * for a good line that column is null.
     */
    public static Dataset<Row> withCorruptRecords(
            SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        return spark.readStream()
                .schema(schema.add(CORRUPT_RECORD, DataTypes.StringType, true))
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT_RECORD)
                .option("maxFilesPerTrigger", filesPerTrigger)
                .json(dir);
    }

    /** As {@link #jsonFiles}, in DROPMALFORMED mode: a line that does not fit the schema is left out. */
    public static Dataset<Row> dropMalformed(SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        return spark.readStream()
                .schema(schema)
                .option("mode", "DROPMALFORMED")
                .option("maxFilesPerTrigger", filesPerTrigger)
                .json(dir);
    }

    /**
     * The same rows, observed: every micro-batch reports the metric {@value #LINES_METRIC} with the
     * columns {@code lines} (the rows it read) and {@code bad} (those with a {@value #CORRUPT_RECORD}).
     */
    public static Dataset<Row> countingBadLines(Dataset<Row> rows) {
        return rows.observe(
                LINES_METRIC,
                count(lit(1)).as("lines"),
                count(col(CORRUPT_RECORD)).as("bad"));
    }

    /** The events whose {@code danger_level} is exactly {@code HIGH}, with all their columns. */
    public static Dataset<Row> highDanger(Dataset<Row> events) {
        return events.filter("danger_level = 'HIGH'");
    }

    /**
     * The events without the copies a sender made of them: an event is identified by its {@code deviceId}
     * and {@code timestamp}; the first of them is kept. A copy is recognised while it comes at most
     * {@value #COPY_DELAY} of event time behind the latest event seen (the watermark); the state of an event
     * is dropped once the watermark has passed its time plus that delay. Works in append mode.
     */
    public static Dataset<Row> withoutCopies(Dataset<Row> events) {
        return events.withWatermark("timestamp", COPY_DELAY).dropDuplicatesWithinWatermark("deviceId", "timestamp");
    }

    /**
     * The same without a watermark: every event is remembered for as long as the query runs, so a copy is
     * recognised however late it comes, no event is too late, and the state only grows.
     */
    public static Dataset<Row> withoutAnyCopy(Dataset<Row> events) {
        return events.dropDuplicates("deviceId", "timestamp");
    }

    /**
     * Appends {@code rows} to Parquet files in {@code outputDir}, with the query's checkpoint in
     * {@code checkpointDir}. The caller adds the trigger and starts it.
     */
    public static DataStreamWriter<Row> parquetSink(Dataset<Row> rows, String outputDir, String checkpointDir) {
        return rows.writeStream()
                .format("parquet")
                .outputMode("append")
                .option("path", outputDir)
                .option("checkpointLocation", checkpointDir);
    }
}
