package streamlab.benchmark;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;

/**
 * A Kafka topic, read from its first offset: the DStream direct stream ({@code KafkaUtils.createDirectStream}, lab
 * 11), and the Structured Kafka source. The topic is new at every step, so "from the first offset" is "every line
 * of this step", whenever the query is ready.
 */
record KafkaInput(String bootstrapServers, String topic) implements Input {

    @Override
    public JavaDStream<String> lines(JavaStreamingContext ssc) {
        Map<String, Object> consumer = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                topic,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        return KafkaUtils.<String, String>createDirectStream(
                        ssc,
                        LocationStrategies.PreferConsistent(),
                        ConsumerStrategies.Subscribe(List.of(topic), consumer))
                .map(ConsumerRecord::value);
    }

    @Override
    public Dataset<Row> lines(SparkSession spark, boolean timestamp) {
        Dataset<Row> records = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", bootstrapServers)
                .option("subscribe", topic)
                .option("startingOffsets", "earliest")
                .load();
        return timestamp
                ? records.select(col("value").cast("string").as("value"), col("timestamp"))
                : records.select(col("value").cast("string").as("value"));
    }
}
