package streamlab.lab02;

import static org.apache.spark.sql.functions.col;

import java.util.concurrent.Callable;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;
import streamlab.support.LabOptions;
import streamlab.support.LabProgram;

/** Lab 02: running word totals over the whole stream, in either API or both side by side. */
@Command(name = "Lab02", mixinStandardHelpOptions = true,
        description = "Running totals: updateStateByKey / mapWithState with DStreams, an aggregation or"
                + " flatMapGroupsWithState with Structured Streaming. Both checkpoint to checkpoints/lab02.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 02 --api dstream",
                "  ./lab 02 --api structured --mode update",
                "  ./lab 02 --api structured --with-state",
                "  ./lab 02 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab02 implements Callable<Integer> {

    enum Mode { complete, update }

    /** How many words a batch prints: the DStream print() and the console sink both stop there. */
    private static final int SHOWN = 10;

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "complete",
            description = "complete: every word's total after each batch (DStream updateStateByKey, Structured"
                    + " complete mode); update: only the words of the batch (DStream mapWithState, Structured"
                    + " update mode). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--with-state",
            description = "Structured: keep the totals yourself with flatMapGroupsWithState (update mode).")
    boolean withState;

    @Override
    public Integer call() {
        return LabProgram.of("Lab 02 running totals", options)
                .checkpointing("checkpoints/lab02")
                .dstream((ssc, lines) -> {
                    JavaPairDStream<String, Long> totals = mode == Mode.complete
                            ? RunningTotalsDStream.totals(lines)
                            : RunningTotalsDStream.updatedTotals(lines);
                    JavaDStream<Long> wordsSoFar = RunningTotalsDStream.wordsSoFar(lines);
                    biggestFirst(totals).print(SHOWN);
                    wordsSoFar.foreachRDD(rdd -> rdd.collect().forEach(n -> System.out.println("words so far: " + n)));
                })
                .structured(lines -> {
                    if (withState) {
                        return RunningTotalsStructured.totalsWithState(lines)
                                .writeStream().outputMode("update")
                                .format("console").option("truncate", false).option("numRows", SHOWN);
                    }
                    if (mode == Mode.update) {
                        return RunningTotalsStructured.updatedTotals(lines)
                                .format("console").option("truncate", false).option("numRows", SHOWN);
                    }
                    // complete mode may sort the result table: show the biggest totals first
                    return RunningTotalsStructured.totals(lines)
                            .orderBy(col("count").desc(), col("word"))
                            .writeStream().outputMode("complete")
                            .format("console").option("truncate", false).option("numRows", SHOWN);
                })
                .run();
    }

    /** Sorts each batch's pairs by total, biggest first, so print() shows the top words. */
    private static JavaPairDStream<String, Long> biggestFirst(JavaPairDStream<String, Long> totals) {
        return totals.transformToPair(rdd -> rdd
                .mapToPair(Tuple2::swap).sortByKey(false).mapToPair(Tuple2::swap));
    }

    public static void main(String[] args) {
        LabProgram.exit(new Lab02(), args);
    }
}
