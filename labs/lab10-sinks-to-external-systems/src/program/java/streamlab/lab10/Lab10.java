package streamlab.lab10;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
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
import streamlab.support.MissingSolutionException;
import streamlab.support.Running;

/** Lab 10: the word counts of every batch written to a database, in both APIs. */
@Command(name = "Lab10", mixinStandardHelpOptions = true,
        description = {"Sinks to external systems: the word counts of each batch written to a database. DStreams"
                + " write from foreachRDD (per record, per partition, or from a pool of connections), after a"
                + " transform that leaves out spam words; Structured Streaming writes each micro-batch with"
                + " foreachBatch, idempotently by batch id, or the running totals with a ForeachWriter.",
                "The database is an embedded H2 in memory (PostgreSQL mode) unless you give --jdbc-url."},
        footer = {"", "Examples:",
                "  ./lab 10 --replay datasets/lines/hamlet.txt --seconds 20",
                "  ./lab 10 --api dstream --write record --replay datasets/lines/hamlet.txt --seconds 20",
                "  ./lab 10 --api structured --sink foreach --replay datasets/lines/hamlet.txt --seconds 20",
                "  ./lab 10 --jdbc-url jdbc:postgresql://localhost:5432/streamlab --user streamlab --password streamlab"
                        + " --create-tables --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab10 implements Callable<Integer> {

    /** The DStream writer: version 2, 3 or 4 of the course notes. */
    enum Write { record, partition, pool }

    /** The Structured sink: foreachBatch (the counts of each batch) or a ForeachWriter (running totals). */
    enum Sink { batch, foreach }

    @Mixin
    LabOptions options;

    @Mixin
    DatabaseOptions database; // --jdbc-url, --user, --password, --table, --create-tables

    @Option(names = "--write", defaultValue = "pool",
            description = "DStream: a connection per record, per partition, or borrowed from a pool"
                    + " (record, partition, pool; default: ${DEFAULT-VALUE}).")
    Write write;

    @Option(names = "--sink", defaultValue = "batch",
            description = "Structured: foreachBatch, the counts of each batch (batch), or a ForeachWriter, the running"
                    + " totals (foreach); default: ${DEFAULT-VALUE}.")
    Sink sink;

    @Option(names = "--spam", paramLabel = "FILE",
            description = "DStream: the spam words to leave out, one or more a line, # starts a comment"
                    + " (default: buy cheap click free offer winner).")
    Path spam;

    @Override
    public Integer call() throws Exception {
        DbSettings db = database.settings();
        DbSettings dstreamTable = db.withTable(database.table + "_dstream");
        DbSettings structuredTable = db.withTable(database.table + (sink == Sink.foreach ? "_totals" : "_structured"));
        List<String> spamWords = SpamWords.of(spam);
        database.prepareTables(db, options.api, dstreamTable, structuredTable, sink == Sink.foreach);
        Path checkpoint = options.checkpoint("checkpoints/lab10").resolve("structured");
        try (SparkSession spark = LabSpark.start("Lab 10 sinks to external systems", options);
             LineServer server = LineServer.from(options);
             Running running = Running.of(options)) {
            running.start(Api.DSTREAM, () -> dstream(spark, server, dstreamTable, spamWords));
            running.start(Api.STRUCTURED, () -> structured(spark, server, structuredTable, checkpoint));
            server.replayTo(running.readers());
            try {
                running.awaitEnd();
            } catch (Exception e) {
                throw stopped(e, e instanceof StreamingQueryException ? structuredTable : dstreamTable, checkpoint);
            }
        }
        return 0;
    }

    /** DStream: socket → your countsWithoutSpam (transform) → your writer (foreachRDD) → what the table holds. */
    private JavaStreamingContext dstream(SparkSession spark, LineServer server, DbSettings db, List<String> spamWords) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaStreamingContext ssc = new JavaStreamingContext(sc, Durations.seconds(options.batchSeconds(5)));
        JavaDStream<String> lines = ssc.socketTextStream(server.host(), server.port(), StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairDStream<String, Long> counts = SpamFilterDStream.countsWithoutSpam(lines, SpamWords.rdd(sc, spamWords));
        switch (write) {
            case record -> WriteOutDStream.writePerRecord(counts, db);
            case partition -> WriteOutDStream.writePerPartition(counts, db);
            case pool -> WriteOutDStream.writeWithPool(counts, db);
        }
        String how = write.name();
        counts.foreachRDD((rdd, time) -> Lab10Output.afterDStreamBatch(db, how, time.milliseconds())); // on the driver
        ssc.start();
        return ssc;
    }

    /** Structured: socket → your sink (foreachBatch, or a ForeachWriter) → what the table holds. */
    private StreamingQuery structured(SparkSession spark, LineServer server, DbSettings db, Path checkpoint)
            throws Exception {
        Dataset<Row> lines = spark.readStream()
                .format("socket")
                .option("host", server.host())
                .option("port", server.port())
                .load();
        DataStreamWriter<Row> writer = sink == Sink.foreach
                ? WordCountsStructured.totalsSink(lines, db)   // update mode, a ForeachWriter
                : WordCountsStructured.sink(lines, db);        // append mode, foreachBatch
        spark.streams().addListener(new Lab10Output.TablePrinter(db, sink == Sink.foreach));
        return writer
                .option("checkpointLocation", Checkpoints.freshForSocket(checkpoint))
                .trigger(Trigger.ProcessingTime(options.batchSeconds(5), TimeUnit.SECONDS))
                .start();
    }

    /** A stream that stopped because the database failed: one sentence, and what the checkpoint says. */
    private static Exception stopped(Exception e, DbSettings db, Path checkpoint) {
        SQLException sql = Connections.sqlCause(e);
        if (sql == null || MissingSolutionException.messageOf(e) != null) {
            return e;
        }
        String after = e instanceof StreamingQueryException ? Lab10Output.checkpointAfterFailure(checkpoint)
                : " The DStream stopped; the batch that failed is not written.";
        return new LabUsageException(Connections.explain(sql, db) + after);
    }

    public static void main(String[] args) {
        LabMain.run(new Lab10(), args);
    }
}
