package streamlab.lab11;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamReader;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import scala.Tuple2;
import streamlab.support.Api;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.Running;

/** Lab 11: word counts of a Kafka topic, in both APIs; the Structured counts go back to a topic. */
@Command(name = "Lab11", mixinStandardHelpOptions = true,
        description = {"Kafka: the lines of a topic counted into words. DStreams read the topic with the direct Kafka"
                + " stream (or a receiver of your own) and print each batch's counts and offsets, committed after;"
                + " Structured Streaming reads it with the Kafka source and writes the running counts to another"
                + " topic with the Kafka sink, which a second query reads back and prints.",
                "Without --bootstrap-servers the lab starts a Kafka broker of its own and feeds --input-file into"
                        + " the input topic: nothing to install."},
        footer = {"", "Examples:",
                "  ./lab 11 --seconds 40",
                "  ./lab 11 --api structured --rate 10 --loop --seconds 60",
                "  ./lab 11 --api dstream --input-file datasets/lines/hamlet.txt",
                "  ./lab 11 --trigger-latency                 (micro-batch, continuous, real-time: how late)",
                "  ./lab 11 --bootstrap-servers localhost:9092 --input-topic lines --output-topic word-counts"})
public final class Lab11 implements Callable<Integer> {

    /** How many words a DStream batch prints. */
    static final int SHOWN = 10;

    @Mixin
    LabOptions options;

    @Mixin
    KafkaOptions kafkaOptions; // --bootstrap-servers, the topics, the Structured source's choice, --input-file

    @Override
    public Integer call() throws Exception {
        Path file = kafkaOptions.checkOptions(options);
        Path checkpoint = options.checkpoint("checkpoints/lab11");
        try (KafkaSetup kafka = kafkaOptions.bootstrapServers == null ? KafkaSetup.startOwn()
                : KafkaSetup.connect(kafkaOptions.bootstrapServers)) {
            kafka.makeTopics(List.of(kafkaOptions.inputTopic, kafkaOptions.outputTopic));
            kafkaOptions.prepare(checkpoint.resolve("structured"), kafka.ownBroker());
            String servers = kafka.bootstrapServers();
            try (SparkSession spark = LabSpark.start("Lab 11 Kafka", options)) {
                if (kafkaOptions.triggerLatency) { // one stateless query, in the three trigger modes
                    return TriggerLatency.compare(spark, kafka);
                }
                try (Running running = Running.of(options)) {
                    running.start(Api.DSTREAM, () -> dstream(spark, servers));
                    running.start(Api.STRUCTURED, () -> structured(spark, servers, checkpoint.resolve("structured")));
                    running.start(Api.STRUCTURED, () -> readBack(spark, servers, checkpoint.resolve("read-back")));
                    if (file != null) {
                        kafka.feed(file, kafkaOptions.inputTopic, options.rate, options.loop);
                    }
                    running.awaitEnd();
                }
                if (options.api.includes(Api.STRUCTURED) && !spark.sparkContext().isStopped()) { // not after Ctrl-C
                    TopicSummary.print(spark, servers, kafkaOptions.outputTopic, kafka.partitions(kafkaOptions.outputTopic));
                }
            }
        }
        return 0;
    }

    /**
     * DStream: the direct Kafka stream reads the input topic (or, with --dstream-source receiver, your receiver);
     * your exercise prints each batch's counts with the offsets it read, and commits them for the group.
     */
    private JavaStreamingContext dstream(SparkSession spark, String servers) {
        JavaStreamingContext ssc = new JavaStreamingContext(JavaSparkContext.fromSparkContext(spark.sparkContext()),
                Durations.seconds(options.batchSeconds(5)));
        String inputTopic = kafkaOptions.inputTopic;
        String from = kafkaOptions.startingOffsets.equals("latest") ? "latest" : "earliest"; // auto.offset.reset
        if (kafkaOptions.dstreamSource.equals("receiver")) {
            JavaDStream<String> values = ssc.receiverStream(new KafkaReceiver(servers, inputTopic, "lab11-receiver", from));
            KafkaDStream.wordCounts(values)
                    .transformToPair(rdd -> rdd.mapToPair(Tuple2::swap).sortByKey(false).mapToPair(Tuple2::swap))
                    .print(SHOWN);
        } else {
            JavaInputDStream<ConsumerRecord<String, String>> records = KafkaUtils.createDirectStream(ssc,
                    LocationStrategies.PreferConsistent(),
                    ConsumerStrategies.<String, String>Subscribe(List.of(inputTopic),
                            ConsumerSettings.of(servers, "lab11-dstream", from))); // group lab11-dstream, no auto-commit
            KafkaDirectDStream.countAndCommit(records, (CanCommitOffsets) records.inputDStream(), BatchPrinter::print);
        }
        ssc.start();
        return ssc;
    }

    /** Structured: the Kafka source, your word counts, the Kafka sink, with a checkpoint. */
    private StreamingQuery structured(SparkSession spark, String servers, Path checkpoint) throws Exception {
        DataStreamReader kafka = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers);
        Dataset<Row> records = kafkaOptions.source(kafka); // the one of your sources that the options choose
        String outputTopic = kafkaOptions.outputTopic;
        DataStreamWriter<Row> writer = KafkaWordCountsStructured.toKafka(records, servers, outputTopic) // update mode
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS));
        System.out.println("== Structured: word counts of " + kafkaOptions.sourceTopics() + " to topic " + outputTopic
                + ", checkpoint " + checkpoint);
        return writer.start();
    }

    /** Structured: a second query reads the output topic back and prints each record it finds there. */
    private StreamingQuery readBack(SparkSession spark, String servers, Path checkpoint) throws Exception {
        if (QueryCheckpoint.isQueryCheckpoint(checkpoint)) {
            QueryCheckpoint.delete(checkpoint); // it reads the topic from the start every run
        }
        String outputTopic = kafkaOptions.outputTopic;
        DataStreamReader kafka = spark.readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", servers);
        Dataset<Row> written = KafkaWordCountsStructured.asText(KafkaSourcesStructured.subscribe(kafka, outputTopic));
        return written.select(col("key").as("word"), col("value").as("count"), col("partition"), col("offset"))
                .writeStream()
                .outputMode("append")
                .format("console")
                .option("truncate", false)
                .option("numRows", 20)
                .option("checkpointLocation", checkpoint.toString())
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS))
                .start();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab11(), args);
    }
}
