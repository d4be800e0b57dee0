package streamlab.lab11;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import streamlab.support.MissingSolutionException;

/** What the output topic holds at the end (given code): a batch read of all of it with your range source. */
final class TopicSummary {

    private TopicSummary() {}

    /** A batch read of the whole output topic, the newest count of each word, biggest first. */
    static void print(SparkSession spark, String servers, String outputTopic, int outputPartitions) {
        DataFrameReader kafka = spark.read().format("kafka").option("kafka.bootstrap.servers", servers);
        Map<Integer, Long> from = new HashMap<>();
        Map<Integer, Long> until = new HashMap<>();
        for (int p = 0; p < outputPartitions; p++) {
            from.put(p, -2L); // earliest
            until.put(p, -1L); // latest
        }
        Dataset<Row> all;
        try {
            all = KafkaWordCountsStructured.asText(KafkaSourcesStructured.range(kafka, outputTopic, from, until));
        } catch (RuntimeException e) {
            if (MissingSolutionException.messageOf(e) == null) {
                throw e;
            }
            System.out.println("== no summary of topic " + outputTopic + ": " + MissingSolutionException.messageOf(e));
            return;
        }
        System.out.println("== topic " + outputTopic + " holds " + all.count() + " records; the newest count of each"
                + " word (a batch read from the earliest to the latest offsets):");
        all.groupBy(col("key").as("word"))
                .agg(max(col("value").cast("long")).as("count"))
                .orderBy(col("count").desc(), col("word"))
                .show(Lab11.SHOWN, false);
    }
}
