package streamlab.lab05;

import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 05, DStream API: count the words of each batch, leaving out the words of the exclude list, and
 * count the words left out.
 *
 * <p>Input: the lines of one batch. Output: {@code (word, count)} for the words of this batch that are
 * not on the exclude list ({@link ExcludeList}). Every word left out adds 1 to the accumulator
 * {@link DroppedWords}, exactly once, however many output operations use the result.
 */
public final class ExcludeDStream {

    private ExcludeDStream() {}

    public static JavaPairDStream<String, Long> keptCounts(JavaDStream<String> lines) {
        // TODO: input: the lines of one batch. Output: (word, count) for the words of this batch that are not
        //       on the exclude list. Every word left out adds 1 to DroppedWords, exactly once, however many
        //       output operations use the result.
        //       The idea: fetch the broadcast and the accumulator on the driver at every batch, not when the
        //       graph is built, and update the accumulator where a second job does not run the update again.
        throw new MissingSolutionException("Lab 05, ExcludeDStream.keptCounts: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
