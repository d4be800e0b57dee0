package streamlab.lab03;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamlab.support.LabOptions;
import streamlab.support.LabProgram;
import streamlab.support.WindowText;

/** Lab 03: word counts in sliding windows of 5 s every 2 s, by arrival (DStream) and by event time (Structured). */
@Command(name = "Lab03", mixinStandardHelpOptions = true,
        description = "Sliding windows of 5 s every 2 s: batches of the last 5 s with DStreams, event-time windows"
                + " with a watermark with Structured Streaming.",
        footer = {"", "Examples:",
                "  netcat-sim/nc -lk 9999                           (in another terminal, then type lines)",
                "  ./lab 03 --api dstream",
                "  ./lab 03 --api dstream --incremental             (reduceByKeyAndWindow with an inverse function)",
                "  ./lab 03 --api structured --mode complete",
                "  netcat-sim/nc -lk 9999 --random 0..10 --every 2s",
                "  ./lab 03 --api structured                        (count the numbers per window, append mode)",
                "  ./lab 03 --replay datasets/lines/hamlet.txt --seconds 30"})
public final class Lab03 implements Callable<Integer> {

    enum Mode { append, complete }

    @Mixin
    LabOptions options;

    @Option(names = "--mode", defaultValue = "append",
            description = "Output mode of the Structured query: append (watermarkedCounts, each window once, when"
                    + " it is final) or complete (windowCounts, every window after every trigger)"
                    + " (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--incremental",
            description = "DStream: incrementalCountsDroppingZeros (reduceByKeyAndWindow with an inverse function)"
                    + " instead of windowCounts.")
    boolean incremental;

    @Override
    public Integer call() {
        return LabProgram.of("Lab 03 sliding windows", options)
                .batchSeconds(1)
                .socketTimestamps()
                .checkpointing("checkpoints/lab03")
                .dstream((ssc, lines) -> (incremental
                        ? SlidingWindowsDStream.incrementalCountsDroppingZeros(lines)
                        : SlidingWindowsDStream.windowCounts(lines)).print())
                .structured(lines -> WindowText.readable(mode == Mode.append
                                ? SlidingWindowsStructured.watermarkedCounts(lines)
                                : SlidingWindowsStructured.windowCounts(lines))
                        .writeStream()
                        .outputMode(mode.name())
                        .format("console")
                        .option("truncate", false)
                        .option("numRows", 100))
                .run();
    }

    public static void main(String[] args) {
        LabProgram.exit(new Lab03(), args);
    }
}
