package streamlab.lab07;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.Optional;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import scala.Tuple2;

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

    /** Reads JSON into Java objects; fields an IotEvent does not have are ignored. Built once per JVM. */
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FileSourcesDStream() {}

    /** The lines of the files that appear in {@code dir} after the start; the files already there are ignored. */
    public static JavaDStream<String> newFiles(JavaStreamingContext ssc, String dir) {
        return ssc.textFileStream(dir);
    }

    /**
     * The lines of new files, and also of the files that were in {@code dir} at the start (as far back as
     * the stream's remember window, 60 s). Skips the files that are not finished: hidden names (starting
     * with {@code .}) and names ending in {@value #COPYING_SUFFIX}.
     */
    public static JavaDStream<String> existingAndNewFiles(JavaStreamingContext ssc, String dir) {
        return ssc.fileStream(
                        dir,
                        LongWritable.class,
                        Text.class,
                        TextInputFormat.class,
                        path -> !path.getName().startsWith(".")
                                && !path.getName().endsWith(COPYING_SUFFIX),
                        false)
                .map(keyAndLine -> keyAndLine._2().toString());
    }

    /**
     * The lines of the new {@code .log} files in every folder one level below {@code root} (one folder per
     * day, say, made while the stream runs): a glob path, {@code root/*}, and a filter on the file names.
     * Other files, and files in {@code root} itself or deeper down, are not read.
     */
    public static JavaDStream<String> logLines(JavaStreamingContext ssc, String root) {
        return ssc.fileStream(
                        root + "/*",
                        LongWritable.class,
                        Text.class,
                        TextInputFormat.class,
                        path -> path.getName().endsWith(".log"),
                        true)
                .map(keyAndLine -> keyAndLine._2().toString());
    }

    /**
     * Each line read as an {@link IotEvent} with Jackson. A line that is not an event (not JSON, cut
     * short, a value of the wrong type) is dropped; fields an event does not have are ignored, and a
     * field the line does not have is null.
     */
    public static JavaDStream<IotEvent> events(JavaDStream<String> lines) {
        return lines.flatMap(line -> {
            try {
                IotEvent event = JSON.readValue(line, IotEvent.class);
                return event == null
                        ? Collections.emptyIterator()
                        : Collections.singletonList(event).iterator();
            } catch (JsonProcessingException notAnEvent) {
                return Collections.emptyIterator();
            }
        });
    }

    /**
     * The events without the copies a sender made of them: an event is identified by its {@code deviceId}
     * and {@code timestamp}; the first of them goes on, the copies that come while it is remembered are
     * dropped. An event is forgotten when no copy of it has come for {@link #COPY_TIMEOUT} (processing
     * time), which Spark checks in the batches it checkpoints. Needs a checkpoint directory.
     */
    public static JavaDStream<IotEvent> withoutCopies(JavaDStream<IotEvent> events) {
        StateSpec<String, IotEvent, Boolean, Optional<IotEvent>> firstOnly =
                StateSpec.function(FileSourcesDStream::firstOnly).timeout(COPY_TIMEOUT);
        return events.mapToPair(event -> new Tuple2<>(event.deviceId() + "@" + event.timestamp(), event))
                .mapWithState(firstOnly)
                .flatMap(kept -> kept.isPresent() ? List.of(kept.get()).iterator() : Collections.emptyIterator());
    }

    /** One event, or the timeout of its key: the event when it is the first of its key, nothing otherwise. */
    private static Optional<IotEvent> firstOnly(String key, Optional<IotEvent> event, State<Boolean> seen) {
        if (seen.isTimingOut() || seen.exists() || !event.isPresent()) {
            return Optional.empty();
        }
        seen.update(true);
        return Optional.of(event.get());
    }

    /** {@code (deviceId, number of HIGH events)} of each batch, for the devices with at least one. */
    public static JavaPairDStream<String, Long> highPerDevice(JavaDStream<IotEvent> events) {
        return events.filter(event -> "HIGH".equals(event.dangerLevel()))
                .mapToPair(event -> new Tuple2<>(event.deviceId(), 1L))
                .reduceByKey(Long::sum);
    }
}
