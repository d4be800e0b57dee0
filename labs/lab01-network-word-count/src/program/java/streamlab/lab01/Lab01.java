package streamlab.lab01;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.LabOptions;
import streamlab.support.LabProgram;

/** Lab 01: counts the words of a socket stream, in either API or both side by side. */
@Command(name = "Lab01", mixinStandardHelpOptions = true,
        description = "Network word count: per batch with DStreams, for the whole stream with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                 (in another terminal, then type lines)",
                "  ./lab 01 --api dstream",
                "  ./lab 01 --api structured --mode update",
                "  ./lab 01 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab01 implements Callable<Integer> {

    enum Mode { complete, update }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "complete",
            description = "Output mode of the Structured query: complete or update (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Override
    public Integer call() {
        return LabProgram.of("Lab 01 network word count", options)
                .dstream((ssc, lines) -> WordCountDStream.wordCounts(lines).print())
                .structured(lines -> WordCountStructured.wordCounts(lines)
                        .writeStream()
                        .outputMode(mode.name())
                        .format("console")
                        .option("truncate", false))
                .run();
    }

    public static void main(String[] args) {
        LabProgram.exit(new Lab01(), args);
    }
}
