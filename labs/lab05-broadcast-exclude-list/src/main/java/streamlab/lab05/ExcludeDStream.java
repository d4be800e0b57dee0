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
        // TODO 1: work on each batch's RDD with lines.transformToPair(rdd -> ...). Its function runs on the
        //         driver once per batch, also in a graph recovered from a checkpoint: get the singletons
        //         there, with JavaSparkContext.fromSparkContext(rdd.context()):
        //         ExcludeList.getInstance(sc) and DroppedWords.getInstance(sc).
        //         (Not outside, when the graph is built: a broadcast or accumulator captured there is
        //         saved with the graph and is dead after a restart.)
        // TODO 2: split the lines into words with Tokens.split (the words of the list look the same).
        // TODO 3: filter out the words in the broadcast set (excluded.value().contains(word)) and add 1 to
        //         the accumulator for each of them.
        // TODO 4: count the kept words: mapToPair(word -> (word, 1L)), reduceByKey(Long::sum).
        //         Mind where the filter goes: an accumulator in a transformation adds again each time its
        //         task runs again. Will a second job on the same batch run your filter again?
        throw new MissingSolutionException("Lab 05, ExcludeDStream.keptCounts: the hints are in"
                + " labs/lab05-broadcast-exclude-list/README.md, section Hints.");
    }
}
