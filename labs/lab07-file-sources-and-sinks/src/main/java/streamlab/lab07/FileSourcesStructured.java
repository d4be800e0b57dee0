package streamlab.lab07;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.types.StructType;
import streamlab.support.MissingSolutionException;

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
        // TODO: output: the schema described in the Javadoc above: 16 nullable fields, in that order, with
        //       those exact names (RecordNumber an integer, the others strings).
        //       The idea: a file source needs its schema up front; a name that is not in the JSON is null.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.zipcodeSchema: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The JSON-lines files of {@code dir} as a stream with the given schema, at most
     * {@code filesPerTrigger} new files in each micro-batch.
     */
    public static Dataset<Row> jsonFiles(SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        // TODO: input: a schema and a folder of JSON-lines files. Output: the files as a stream of rows of
        //       that schema, at most filesPerTrigger new files in each micro-batch.
        //       The idea: a folder as a streaming source, with a limit on what one micro-batch reads.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.jsonFiles: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The lines of the {@code .log} files in every folder one level below {@code root} (one folder per day,
     * say, also those made while the query runs), as the {@code text} format gives them: one column,
     * {@code value}. A glob path, {@code root/*}{@code /*.log}; other files, and files in {@code root} itself
     * or deeper down, are not read.
     */
    public static Dataset<Row> logLines(SparkSession spark, String root) {
        // TODO: input: a folder with a folder per day. Output: the lines of the .log files of every day folder
        //       (not of other files, not of files in root itself or deeper down), one column value.
        //       The idea: a file source path can hold wildcards, and a format other than JSON: plain text.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.logLines: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The schema Spark finds in the files already in {@code dir}, with a static read: what Spark's
     * "Schema must be specified" error proposes.
     */
    public static StructType inferredSchema(SparkSession spark, String dir) {
        // TODO: input: a folder of JSON files. Output: the schema Spark finds in the files there now.
        //       The idea: a static read can infer a schema, which a streaming read then reuses.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.inferredSchema: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * As {@link #jsonFiles}, in PERMISSIVE mode with the column {@value #CORRUPT_RECORD} after the
     * schema's columns: a line that does not fit the schema is kept as a row whose
     * {@value #CORRUPT_RECORD} holds the line's text (its other columns hold what could be read, or null);
     * for a good line that column is null.
     */
    public static Dataset<Row> withCorruptRecords(
            SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        // TODO: as jsonFiles, but a line that does not fit the schema is kept: its column CORRUPT_RECORD
        //       (after the schema's columns) holds the line's text; for a good line that column is null.
        //       The idea: the PERMISSIVE mode of a file source, and where it puts what it cannot parse.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.withCorruptRecords: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /** As {@link #jsonFiles}, in DROPMALFORMED mode: a line that does not fit the schema is left out. */
    public static Dataset<Row> dropMalformed(SparkSession spark, StructType schema, String dir, int filesPerTrigger) {
        // TODO: as jsonFiles, but a line that does not fit the schema is left out.
        //       The idea: the DROPMALFORMED mode of a file source.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.dropMalformed: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The same rows, observed: every micro-batch reports the metric {@value #LINES_METRIC} with the
     * columns {@code lines} (the rows it read) and {@code bad} (those with a {@value #CORRUPT_RECORD}).
     */
    public static Dataset<Row> countingBadLines(Dataset<Row> rows) {
        // TODO: input: the rows of withCorruptRecords. Output: the same rows; every micro-batch reports the
        //       metric LINES_METRIC with the columns lines (the rows it read) and bad (those with a
        //       CORRUPT_RECORD).
        //       The idea: an observed metric counts what the query reads, per micro-batch.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.countingBadLines: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /** The events whose {@code danger_level} is exactly {@code HIGH}, with all their columns. */
    public static Dataset<Row> highDanger(Dataset<Row> events) {
        // TODO: input: events. Output: the events whose danger_level is exactly HIGH, with all their columns.
        //       The idea: a filter on a stream is a filter on a table.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.highDanger: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The events without the copies a sender made of them: an event is identified by its {@code deviceId}
     * and {@code timestamp}; the first of them is kept. A copy is recognised while it comes at most
     * {@value #COPY_DELAY} of event time behind the latest event seen (the watermark); the state of an event
     * is dropped once the watermark has passed its time plus that delay. Works in append mode.
     */
    public static Dataset<Row> withoutCopies(Dataset<Row> events) {
        // TODO: input: events, some of them sent twice or more. Output: the same columns, each event once (the
        //       first of its deviceId and timestamp), remembering an event only while a copy may still come:
        //       COPY_DELAY of event time.
        //       The idea: removing duplicates is a stateful query; a watermark bounds how long it remembers.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.withoutCopies: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The same without a watermark: every event is remembered for as long as the query runs, so a copy is
     * recognised however late it comes, no event is too late, and the state only grows.
     */
    public static Dataset<Row> withoutAnyCopy(Dataset<Row> events) {
        // TODO: input: events. Output: each event once (the first of its deviceId and timestamp), however late
        //       its copies come.
        //       The idea: without a watermark, the state of a stateful query only grows.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.withoutAnyCopy: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * Appends {@code rows} to Parquet files in {@code outputDir}, with the query's checkpoint in
     * {@code checkpointDir}. The caller adds the trigger and starts it.
     */
    public static DataStreamWriter<Row> parquetSink(Dataset<Row> rows, String outputDir, String checkpointDir) {
        // TODO: output: a writer that appends the rows to Parquet files in outputDir, with the query's
        //       checkpoint in checkpointDir. (The caller adds the trigger and starts it.)
        //       The idea: the Parquet sink, its checkpoint and its log: each row written exactly once.
        throw new MissingSolutionException("Lab 07, FileSourcesStructured.parquetSink: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }
}
