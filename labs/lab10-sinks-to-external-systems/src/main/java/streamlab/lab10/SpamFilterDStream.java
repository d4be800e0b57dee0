package streamlab.lab10;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import streamlab.support.MissingSolutionException;

/**
 * Lab 10, DStream API: the word counts of each batch, without the words of a static spam list, joined
 * in with {@code transform} (the course notes' {@code wordCounts.transform(rdd -> rdd.join(spamInfoRDD)...)}).
 *
 * <p>Input: the lines of one batch, and a static RDD of spam words (lower-case, each once), made once on
 * the driver. Output: {@code (word, count)} for every word of this batch that is not a spam word.
 */
public final class SpamFilterDStream {

    private SpamFilterDStream() {}

    public static JavaPairDStream<String, Long> countsWithoutSpam(
            JavaDStream<String> lines, JavaRDD<String> spamWords) {
        // TODO: input: the lines of each batch, and a static RDD of spam words. Output: (word, count) for every
        //       word of the batch that is not a spam word.
        //       The idea: transform hands you each batch's RDD, so every RDD operation is yours, also those a
        //       DStream does not have, like a join with a static RDD.
        throw new MissingSolutionException("Lab 10, SpamFilterDStream.countsWithoutSpam: the hints are in"
                + " labs/lab10-sinks-to-external-systems/README.md, section Hints.");
    }
}
