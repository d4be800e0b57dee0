package streamlab.lab10;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;
import streamlab.support.Tokens;

/**
 * Lab 10, DStream API: the word counts of each batch, without the words of a static spam list, joined
 * in with {@code transform} (the course notes' {@code wordCounts.transform(rdd -> rdd.join(spamInfoRDD)...)}).
 */
public final class SpamFilterDStream {

    private SpamFilterDStream() {}

    public static JavaPairDStream<String, Long> countsWithoutSpam(
            JavaDStream<String> lines, JavaRDD<String> spamWords) {
        JavaPairRDD<String, Boolean> spam = spamWords.mapToPair(word -> new Tuple2<>(word, true));
        return lines.transformToPair(
                rdd -> rdd.flatMap(line -> Tokens.split(line).iterator())
                        .mapToPair(word -> new Tuple2<>(word, 1L))
                        .reduceByKey(Long::sum)
                        .subtractByKey(spam));
    }
}
