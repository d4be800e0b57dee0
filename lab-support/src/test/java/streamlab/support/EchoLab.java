package streamlab.support;

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

/** A lab program in the shape of every lab's, that prints its lines: what the tests start. */
@Command(name = "EchoLab")
final class EchoLab implements Callable<Integer> {

    @Mixin
    LabOptions options;

    /** Set by a test: the DStream part's exercise is "not written yet". */
    boolean dstreamMissing;

    @Override
    public Integer call() throws Exception {
        try (SparkSession spark = LabSpark.start("Echo lab", options);
                LineServer server = LineServer.from(options);
                Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> {
                if (dstreamMissing) {
                    throw new MissingSolutionException("Echo lab: the DStream part.");
                }
                JavaStreamingContext ssc = new JavaStreamingContext(
                        JavaSparkContext.fromSparkContext(spark.sparkContext()),
                        Durations.seconds(options.batchSeconds(1)));
                ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER())
                        .print();
                ssc.start();
                return ssc;
            });
            running.start(
                    Api.STRUCTURED,
                    () -> spark.readStream()
                            .format("socket")
                            .option("host", server.host())
                            .option("port", server.port())
                            .load()
                            .writeStream()
                            .format("console")
                            .trigger(Trigger.ProcessingTime(options.batchSeconds(1), TimeUnit.SECONDS))
                            .start());
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /** For the tests that run it as a program of its own (and look at its screen). */
    public static void main(String[] args) {
        LabMain.run(new EchoLab(), args);
    }
}
