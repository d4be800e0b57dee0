package streamlab.netcat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of {@link NetcatCommand}: nc's flags and the modes, checked together ({@link #settings()}),
 * and the line source they choose ({@link #source}).
 */
final class NetcatOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "-l", description = "Listen (always on; accepted so that `nc -lk 9999` works).")
    boolean listen;

    @Option(
            names = "-k",
            description = "Keep listening (always on: any number of clients, one after another or at once).")
    boolean keepListening;

    @Option(
            names = "-p",
            paramLabel = "PORT",
            converter = CliConverters.PortConverter.class,
            description = "Port to listen on (or give it as the last argument). 0 picks a free port.")
    Integer portOption;

    @Parameters(
            arity = "0..2",
            paramLabel = "[HOST] PORT",
            hideParamSyntax = true,
            description =
                    "Port to listen on, optionally after the address to listen on (as in `nc -l localhost 9999`).")
    List<String> positional = new ArrayList<>();

    @Option(
            names = "--bind",
            paramLabel = "ADDR",
            description = "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0: every network).")
    String bind;

    @Option(names = "--file", paramLabel = "PATH", description = "Replay the lines of a text file (UTF-8).")
    Path file;

    @Option(
            names = "--rate",
            paramLabel = "N",
            converter = CliConverters.RateConverter.class,
            description = "With --file: lines per second (e.g. 5 or 0.5); 0 or absent = as fast as the clients read.")
    Double rate;

    @Option(names = "--loop", description = "With --file or --script: start again from the top at the end.")
    boolean loop;

    @Option(
            names = "--random",
            paramLabel = "LO..HI",
            converter = CliConverters.RangeConverter.class,
            description = "Send random whole numbers from LO to HI (both included), e.g. 0..10.")
    IntRange random;

    @Option(
            names = "--every",
            paramLabel = "DURATION",
            converter = CliConverters.DurationConverter.class,
            description = "With --random: time between two numbers (default: 1s), e.g. 500ms, 2s, 1m.")
    Duration every;

    @Option(names = "--seed", paramLabel = "N", description = "With --random: the same numbers on every run.")
    Long seed;

    @Option(
            names = "--script",
            paramLabel = "PATH",
            description = "Send the timed lines of a script: each line `+DURATION text`, e.g. `+2s late event`.")
    Path script;

    @Option(
            names = "--no-wait",
            description = "Send lines at once, even with no client connected (those lines are dropped).")
    boolean noWait;

    @Option(
            names = "--wait-for",
            paramLabel = "N",
            description = "Wait until N clients are connected at once before the first line (default: 1).")
    Integer waitFor;

    @Option(
            names = "--drop-after",
            paramLabel = "DURATION",
            converter = CliConverters.DurationConverter.class,
            description = "Drop a client that reads nothing for this long while it is "
                    + NetcatServer.DEFAULT_QUEUE_CAPACITY + " lines behind (default: 5s).")
    Duration dropAfter;

    @Option(names = "-N", description = "When the input ends, send what is left, close the connections and exit.")
    boolean closeAtEnd;

    @Option(names = "-q", description = "Quiet: print only errors (not who connects or leaves).")
    boolean quiet;

    @Option(names = "-n", hidden = true, description = "Accepted for nc compatibility (no name lookups).")
    boolean numeric;

    @Option(names = "-v", hidden = true, description = "Accepted for nc compatibility (this server always reports).")
    boolean verbose;

    /** What the command line asks for, checked. */
    record Settings(String host, int port, int waitForClients, Duration dropAfter) {}

    /** Checks the options that go together; throws a {@link ParameterException} with one clear sentence. */
    Settings settings() {
        if (positional.size() > 2) {
            throw usage("too many arguments " + positional + ": give at most an address and a port, e.g. nc -lk 9999");
        }
        if (positional.size() == 2 && bind != null) {
            throw usage("give the address either as an argument or with --bind, not both");
        }
        String host = bind != null ? bind : positional.size() == 2 ? positional.get(0) : NetcatServer.DEFAULT_BIND;
        Integer port = null;
        if (!positional.isEmpty()) {
            try {
                port = new CliConverters.PortConverter().convert(positional.get(positional.size() - 1));
            } catch (TypeConversionException e) {
                throw usage(e.getMessage());
            }
        }
        if (port != null && portOption != null && !port.equals(portOption)) {
            throw usage("two different ports (" + portOption + " and " + port + "): give just one");
        }
        if (port == null) {
            port = portOption;
        }
        if (port == null) {
            throw usage("which port? give one, e.g. nc -lk 9999");
        }
        int modes = (file != null ? 1 : 0) + (random != null ? 1 : 0) + (script != null ? 1 : 0);
        if (modes > 1) {
            throw usage("choose one of --file, --random and --script");
        }
        if (rate != null && file == null) {
            throw usage("--rate goes with --file (e.g. --file data.txt --rate 5)");
        }
        if (loop && file == null && script == null) {
            throw usage("--loop goes with --file or --script");
        }
        if ((every != null || seed != null) && random == null) {
            throw usage(
                    (every != null ? "--every" : "--seed") + " goes with --random (e.g. --random 0..10 --every 2s)");
        }
        if (every != null && every.isZero()) {
            throw usage("bad --every '0s': it must be more than zero, e.g. --every 2s");
        }
        if (noWait && waitFor != null) {
            throw usage("choose either --no-wait or --wait-for");
        }
        if (waitFor != null && waitFor < 1) {
            throw usage("bad --wait-for " + waitFor + ": wait for 1 client or more (or use --no-wait)");
        }
        if (dropAfter != null && dropAfter.isZero()) {
            throw usage("bad --drop-after '0s': it must be more than zero, e.g. --drop-after 5s");
        }
        int wait = noWait ? 0 : waitFor != null ? waitFor : 1;
        return new Settings(host, port, wait, dropAfter != null ? dropAfter : NetcatServer.DEFAULT_DROP_AFTER);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * The line source for the chosen mode; opening it checks that the file or script can be read.
     *
     * @param in standard input, the source when no mode is chosen
     */
    LineSource source(InputStream in) throws IOException {
        if (file != null) {
            return LineSource.file(file, rate != null ? rate : 0, loop);
        }
        if (random != null) {
            Duration interval = every != null ? every : Duration.ofSeconds(1);
            return seed != null
                    ? LineSource.randomInts(random, interval, seed)
                    : LineSource.randomInts(random, interval);
        }
        if (script != null) {
            return LineSource.script(script, loop);
        }
        return LineSource.stdin(in);
    }

    /** The chosen mode in a few words, for the line that says the server listens. */
    String modeDescription() {
        if (file != null) {
            return "replaying " + file
                    + (rate != null && rate > 0 ? " at " + formatRate(rate) + " lines/s" : " at full speed")
                    + (loop ? ", looping" : "");
        }
        if (random != null) {
            return "a random number in " + random + " every "
                    + Durations.format(every != null ? every : Duration.ofSeconds(1));
        }
        if (script != null) {
            return "playing script " + script + (loop ? ", looping" : "");
        }
        return "sending the lines typed here";
    }

    private static String formatRate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }
}
