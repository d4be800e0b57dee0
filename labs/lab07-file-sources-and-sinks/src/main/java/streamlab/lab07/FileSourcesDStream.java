package streamlab.lab07;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import streamlab.support.MissingSolutionException;

/**
 * Lab 07, DStream API: a watched folder of text files.
 *
 * <p>At every batch a file stream lists its folder and reads the files whose modification time is
 * newer than what it has already seen (and not later than the batch's time). It knows nothing of JSON
 * or of a schema: it gives lines, and what a line means is up to your code.
 */
public final class FileSourcesDStream {

    /** Suffix of a file {@code hdfs dfs -put} (or {@code -copyFromLocal}) is still writing; renamed at the end. */
    public static final String COPYING_SUFFIX = "._COPYING_";

    private FileSourcesDStream() {}

    /** The lines of the files that appear in {@code dir} after the start; the files already there are ignored. */
    public static JavaDStream<String> newFiles(JavaStreamingContext ssc, String dir) {
        // TODO 1: the course's file stream: ssc.textFileStream(dir).
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.newFiles: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The lines of new files, and also of the files that were in {@code dir} at the start (as far back as
     * the stream's remember window, 60 s). Skips the files that are not finished: hidden names (starting
     * with {@code .}) and names ending in {@value #COPYING_SUFFIX}.
     */
    public static JavaDStream<String> existingAndNewFiles(JavaStreamingContext ssc, String dir) {
        // TODO 2: textFileStream cannot read the files already there; its long form can:
        //         ssc.fileStream(dir, LongWritable.class, Text.class, TextInputFormat.class, filter, newFilesOnly)
        //         (org.apache.hadoop.io and org.apache.hadoop.mapreduce.lib.input). filter gets a Hadoop Path:
        //         true for the files to read (look at path.getName()). It gives (offset, line) pairs:
        //         map each to its line, pair._2().toString().
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.existingAndNewFiles: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * Each line read as an {@link IotEvent} with Jackson. A line that is not an event (not JSON, cut
     * short, a value of the wrong type) is dropped; fields an event does not have are ignored, and a
     * field the line does not have is null.
     */
    public static JavaDStream<IotEvent> events(JavaDStream<String> lines) {
        // TODO 3: a com.fasterxml.jackson.databind.ObjectMapper reads a line: mapper.readValue(line, IotEvent.class).
        //         By default it refuses fields the record does not have: configure
        //         DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES to false. Make it once, in a private static
        //         final field (a Spark task then uses its JVM's own), not once per line.
        // TODO 4: flatMap each line to an iterator of one event, or of none when readValue throws a
        //         JsonProcessingException (or returns null, for the line "null").
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.events: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /** {@code (deviceId, number of HIGH events)} of each batch, for the devices with at least one. */
    public static JavaPairDStream<String, Long> highPerDevice(JavaDStream<IotEvent> events) {
        // TODO 5: filter the events whose dangerLevel() is exactly "HIGH", mapToPair (deviceId, 1L),
        //         reduceByKey(Long::sum).
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.highPerDevice: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }
}
