package streamlab.lab04;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.LabOptions;
import streamlab.support.LabProgram;
import streamlab.support.WindowText;

/** Lab 04: word-length counts in sliding windows of 5 s every 2 s, and the total number of words read. */
@Command(name = "Lab04", mixinStandardHelpOptions = true,
        description = "Word lengths in sliding windows of 5 s every 2 s, and a running total of the words read,"
                + " with DStreams and with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 04 --api dstream",
                "  ./lab 04 --api structured --mode complete",
                "  netcat-sim/nc -lk 9999 --script datasets/scripts/lab04-one-line.script",
                "  ./lab 04 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab04 implements Callable<Integer> {

    enum Mode { append, complete }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "append",
            description = "Output mode of the Structured windowed counts: append (each window once, when it is"
                    + " final) or complete (every window after every trigger) (default: ${DEFAULT-VALUE})."
                    + " The running total is always shown in complete mode.")
    Mode mode;

    @Override
    public Integer call() {
        return LabProgram.of("Lab 04 word-length counts", options)
                .batchSeconds(1)
                .socketTimestamps()
                .checkpointing("checkpoints/lab04")
                .dstream((ssc, lines) -> {
                    WordLengthsDStream.lengthCounts(lines).transformToPair(rdd -> rdd.sortByKey()).print(20);
                    WordLengthsDStream.totalWords(lines).map(total -> "words read so far: " + total).print();
                })
                .structured(lines -> WindowText.readable(WordLengthsStructured.lengthCounts(lines))
                        .writeStream()
                        .queryName("lengths")
                        .outputMode(mode.name())
                        .format("console")
                        .option("truncate", false)
                        .option("numRows", 100))
                .alsoStructured(lines -> WordLengthsStructured.totalWords(lines)
                        .writeStream()
                        .queryName("total")
                        .outputMode("complete")
                        .format("console"))
                .run();
    }

    public static void main(String[] args) {
        LabProgram.exit(new Lab04(), args);
    }
}
