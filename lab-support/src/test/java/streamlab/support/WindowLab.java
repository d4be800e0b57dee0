package streamlab.support;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.window;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A window lab in the shape of labs 03, 04 and 08, for the tests: each line counted in windows of 4 s every
 * 2 s, by arrival with DStreams (1 s batches) and by event time with Structured Streaming.
 */
@Command(name = "WindowLab")
final class WindowLab implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Override
    public Integer call() throws Exception {
        try (SparkSession spark = LabSpark.start("Window lab", options);
                LineServer server = LineServer.from(options);
                Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> {
                JavaStreamingContext ssc = new JavaStreamingContext(
                        JavaSparkContext.fromSparkContext(spark.sparkContext()), Durations.seconds(1));
                ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER())
                        .window(Durations.seconds(4), Durations.seconds(2))
                        .countByValue()
                        .print();
                ssc.start();
                return ssc;
            });
            running.start(
                    Api.STRUCTURED,
                    () -> WindowText.readable(spark.readStream()
                                    .format("socket")
                                    .option("host", server.host())
                                    .option("port", server.port())
                                    .option("includeTimestamp", true)
                                    .load()
                                    .groupBy(window(col("timestamp"), "4 seconds", "2 seconds"), col("value"))
                                    .count())
                            .writeStream()
                            .outputMode("complete")
                            .format("console")
                            .option("truncate", false)
                            .trigger(Trigger.ProcessingTime(1, TimeUnit.SECONDS))
                            .start());
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    public static void main(String[] args) {
        LabMain.run(new WindowLab(), args);
    }
}
