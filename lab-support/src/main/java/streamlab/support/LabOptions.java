package streamlab.support;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import streamlab.netcat.CliConverters;
import streamlab.netcat.IntRange;

/** The command-line options every lab program shares (a picocli mixin). */
public final class LabOptions {

    @Option(
            names = "--api",
            paramLabel = "dstream|structured|both",
            defaultValue = "both",
            description = "Which API to run (default: ${DEFAULT-VALUE}). With both, the two read the same stream.")
    public Api api;

    @Option(
            names = "--view",
            paramLabel = "columns|blocks|web|plain",
            description = "How the output is shown: columns (DStream left, Structured right, one row per batch time;"
                    + " blocks on a terminal under 100 columns), blocks (one API after the other, labelled),"
                    + " web (a live page: the input lines, both APIs side by side, a timeline of the windows)"
                    + " or plain (as Spark prints it). Default: columns with --api both, plain with one API.")
    public View view;

    @Option(
            names = "--host",
            defaultValue = "localhost",
            description = "Host of the line server (default: ${DEFAULT-VALUE}).")
    public String host;

    @Option(
            names = "--port",
            defaultValue = "9999",
            description = "Port of the line server, e.g. netcat-sim/nc -lk 9999 (default: ${DEFAULT-VALUE}).")
    public int port;

    @Option(
            names = "--seconds",
            defaultValue = "0",
            description = "Stop cleanly after this many seconds (default: run until Ctrl-C).")
    public int seconds;

    @Option(
            names = "--batch",
            paramLabel = "SECONDS",
            description = "Batch interval of the DStream and trigger interval of the Structured query.")
    public Integer batch;

    @Option(
            names = "--master",
            description =
                    "Spark master, e.g. local[4] (default: spark-submit's, else local[2]; local[3] with --api both).")
    public String master;

    @Option(
            names = "--checkpoint",
            paramLabel = "DIR",
            description =
                    "Checkpoint directory of a lab that keeps state (default: the lab's own, under checkpoints/).")
    public Path checkpoint;

    @Option(
            names = "--replay",
            paramLabel = "FILE",
            description = "Start a built-in netcat-sim that replays FILE, instead of connecting to --host/--port.")
    public Path replay;

    @Option(
            names = "--random",
            paramLabel = "LO..HI",
            converter = CliConverters.RangeConverter.class,
            description = "Start a built-in netcat-sim that sends random whole numbers from LO to HI (both included),"
                    + " --rate a second, instead of connecting to --host/--port.")
    public IntRange random;

    @Option(
            names = "--rate",
            defaultValue = "4",
            description = "With --replay or --random: lines per second, e.g. 0.5 for one every 2 s"
                    + " (default: ${DEFAULT-VALUE}).")
    public double rate;

    @Option(names = "--loop", description = "With --replay: start the file again at its end.")
    public boolean loop;

    /** The view: {@code --view}, or columns when both APIs run and plain output for one. */
    public View chosenView() {
        if (view != null) {
            return view;
        }
        return api == Api.BOTH ? View.COLUMNS : View.PLAIN;
    }

    /** The batch (and trigger) interval in seconds: {@code --batch}, or the lab's own default. */
    public int batchSeconds(int labDefault) {
        int seconds = batch != null ? batch : labDefault;
        if (seconds < 1) {
            throw new LabUsageException("--batch must be at least 1 second, not " + seconds + ".");
        }
        return seconds;
    }

    /** The checkpoint directory: {@code --checkpoint}, or the lab's own default. */
    public Path checkpoint(String labDefault) {
        return checkpoint != null ? checkpoint : Path.of(labDefault);
    }
}
