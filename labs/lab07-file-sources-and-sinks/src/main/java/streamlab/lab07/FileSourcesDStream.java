package streamlab.lab07;

import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
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

    /** How long an event is remembered after its last copy came: a copy within that time is dropped. */
    public static final Duration COPY_TIMEOUT = Durations.minutes(1);

    /** Suffix of a file {@code hdfs dfs -put} (or {@code -copyFromLocal}) is still writing; renamed at the end. */
    public static final String COPYING_SUFFIX = "._COPYING_";

    private FileSourcesDStream() {}

    /** The lines of the files that appear in {@code dir} after the start; the files already there are ignored. */
    public static JavaDStream<String> newFiles(JavaStreamingContext ssc, String dir) {
        // TODO: input: a folder. Output: the lines of the files that appear in it after the start (the files
        //       already there are ignored).
        //       The idea: a folder watched as a stream: each batch reads the files that are new since the last.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.newFiles: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The lines of new files, and also of the files that were in {@code dir} at the start (as far back as
     * the stream's remember window, 60 s). Skips the files that are not finished: hidden names (starting
     * with {@code .}) and names ending in {@value #COPYING_SUFFIX}.
     */
    public static JavaDStream<String> existingAndNewFiles(JavaStreamingContext ssc, String dir) {
        // TODO: input: a folder. Output: the lines of the new files and of the files already there at the
        //       start, leaving out the files not finished yet (hidden names, names ending in COPYING_SUFFIX).
        //       The idea: the long form of the file stream, with a filter on the file names and a choice of
        //       new files only or not.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.existingAndNewFiles: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The lines of the new {@code .log} files in every folder one level below {@code root} (one folder per
     * day, say, made while the stream runs): a glob path, {@code root/*}, and a filter on the file names.
     * Other files, and files in {@code root} itself or deeper down, are not read.
     */
    public static JavaDStream<String> logLines(JavaStreamingContext ssc, String root) {
        // TODO: input: a folder with a folder per day. Output: the lines of the new .log files of every day
        //       folder (not of other files, not of files in root itself or deeper down), as text.
        //       The idea: a path with a wildcard watches many folders, and a filter picks the files.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.logLines: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * Each line read as an {@link IotEvent} with Jackson. A line that is not an event (not JSON, cut
     * short, a value of the wrong type) is dropped; fields an event does not have are ignored, and a
     * field the line does not have is null.
     */
    public static JavaDStream<IotEvent> events(JavaDStream<String> lines) {
        // TODO: input: lines of JSON. Output: one IotEvent per line that is an event; a line that is not (not
        //       JSON, cut short, a value of the wrong type) is dropped; unknown fields are ignored, a missing
        //       field is null.
        //       The idea: a DStream gives text, and your code decides what a line means; a parser made once
        //       per JVM, not once per line.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.events: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /**
     * The events without the copies a sender made of them: an event is identified by its {@code deviceId}
     * and {@code timestamp}; the first of them goes on, the copies that come while it is remembered are
     * dropped. An event is forgotten when no copy of it has come for {@link #COPY_TIMEOUT} (processing
     * time). Needs a checkpoint directory.
     */
    public static JavaDStream<IotEvent> withoutCopies(JavaDStream<IotEvent> events) {
        // TODO: input: events, some of them sent twice or more, in one batch or in later ones. Output: each
        //       event once (the first of its deviceId and timestamp); an event is forgotten when no copy of it
        //       has come for COPY_TIMEOUT.
        //       The idea: a DStream keeps state per key from batch to batch, with a timeout that bounds it.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.withoutCopies: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }

    /** {@code (deviceId, number of HIGH events)} of each batch, for the devices with at least one. */
    public static JavaPairDStream<String, Long> highPerDevice(JavaDStream<IotEvent> events) {
        // TODO: input: events. Output: (deviceId, number of HIGH events) of each batch, for the devices with
        //       at least one; the danger level must be exactly HIGH.
        //       The idea: a filter, then a count per key, as in lab 01.
        throw new MissingSolutionException("Lab 07, FileSourcesDStream.highPerDevice: the hints are in"
                + " labs/lab07-file-sources-and-sinks/README.md, section Hints.");
    }
}
