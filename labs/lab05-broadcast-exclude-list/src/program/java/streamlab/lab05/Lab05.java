package streamlab.lab05;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.Api;
import streamlab.support.Checkpoints;
import streamlab.support.LabMain;
import streamlab.support.LabOptions;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;
import streamlab.support.LineServer;
import streamlab.support.Running;

/** Lab 05: word counts without the words of an exclude list, and a count of the words left out. */
@Command(name = "Lab05", mixinStandardHelpOptions = true,
        description = {"Broadcast exclude list and accumulator of dropped words: a broadcast variable and a"
                + " LongAccumulator, both lazily created singletons, with DStreams; a broadcast join and an"
                + " observed metric with Structured Streaming.",
                "The DStream context is recovered from checkpoints/lab05/dstream when you start the program"
                + " again (delete the directory to start afresh)."},
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 05 --api dstream",
                "  ./lab 05 --api structured --exclude datasets/exclude/stopwords.txt",
                "  ./lab 05 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab05 implements Callable<Integer> {

    @Mixin
    LabOptions options;

    @Option(names = "--exclude", paramLabel = "FILE",
            description = "The words to leave out: a file with one or more words a line, # starts a comment"
                    + " (default: a, an, and, in, is, it, of, the, to).")
    Path exclude;

    @Override
    public Integer call() throws Exception {
        if (exclude != null) {
            if (!Files.isRegularFile(exclude) || !Files.isReadable(exclude)) {
                throw new LabUsageException("Cannot read " + exclude + ": no such file (paths are relative to "
                        + System.getProperty("user.dir") + ").");
            }
            ExcludeWords.use(ExcludeWords.load(exclude));
        }
        List<String> words = ExcludeWords.current();
        System.out.println("== leaving out " + words.size() + " words: " + String.join(" ",
                words.size() <= 20 ? words : words.subList(0, 20)) + (words.size() > 20 ? " ..." : ""));
        Path checkpoint = options.checkpoint("checkpoints/lab05");
        try (SparkSession spark = LabSpark.start("Lab 05 broadcast exclude list", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server, checkpoint.resolve("dstream")));
            running.start(Api.STRUCTURED, () -> structured(spark, server, checkpoint.resolve("structured")));
            server.replayTo(running.readers());
            running.awaitEnd();
        }
        return 0;
    }

    /**
     * DStream: a context recovered from its checkpoint when there is one (the graph, the batches in
     * flight), else a new one. The broadcast and the accumulator are not in the checkpoint: the
     * exercise's singletons make them again after a restart.
     */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, Path checkpoint) {
        boolean resuming = Files.isDirectory(checkpoint);
        JavaStreamingContext ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), () -> {
            JavaStreamingContext created = new JavaStreamingContext(
                    JavaSparkContext.fromSparkContext(spark.sparkContext()), Durations.seconds(options.batchSeconds(5)));
            created.checkpoint(checkpoint.toString());
            JavaDStream<String> lines = created.socketTextStream(server.host(), server.port(),
                    StorageLevel.MEMORY_AND_DISK_SER());
            ExcludeDStream.keptCounts(lines).foreachRDD(Lab05Output::printBatch);
            return created;
        });
        if (resuming) {
            System.out.println("== DStream: recovered from the checkpoint in " + checkpoint + " (delete it to start afresh)");
        }
        ssc.start();
        return ssc;
    }

    /** Structured: a broadcast join with the exclude table; the dropped words as an observed metric. */
    private StreamingQuery structured(SparkSession spark, LineServer server, Path checkpoint) throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .load();
        Dataset<Row> kept = ExcludeStructured.keptCounts(lines, ExcludeWords.table(spark, ExcludeWords.current()));
        spark.streams().addListener(new Lab05Output.DroppedWordsPrinter()); // prints the metric of each micro-batch
        return kept.orderBy(col("count").desc(), col("word")) // complete mode may sort: biggest counts first
                .writeStream()
                .outputMode("complete")
                .format("console")
                .option("truncate", false)
                .option("numRows", Lab05Output.SHOWN)
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS))
                .start();
    }

    public static void main(String[] args) {
        LabMain.run(new Lab05(), args);
    }
}
