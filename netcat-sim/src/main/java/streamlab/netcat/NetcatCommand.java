package streamlab.netcat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command: its help, and what it does with its options ({@link NetcatOptions}): serve the chosen lines,
 * and what happens when the input ends. Run it through {@link Main}.
 */
@Command(
        name = "nc",
        mixinStandardHelpOptions = true,
        separator = " ",
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "",
        header = "A line server for the lab: like `nc -lk PORT`, but every line goes to every connected client.",
        synopsisHeading = "%nUsage: ",
        customSynopsis = {
            "nc [-lkNq] [-p PORT | [HOST] PORT] [options]        type lines",
            "       nc [-lkNq] PORT --file PATH [--rate N] [--loop]     replay a file",
            "       nc [-lkNq] PORT --random LO..HI [--every DURATION]  random numbers",
            "       nc [-lkNq] PORT --script PATH [--loop]              timed lines"
        },
        descriptionHeading = "%n",
        description = {
            "Reads lines from standard input (or a file, random numbers, a script) and sends each one to every "
                    + "client connected to PORT. Listens on 127.0.0.1 unless told otherwise.",
            "Lines wait for the first client before they go out (as with nc), so nothing is lost; with --no-wait "
                    + "they are sent at once and dropped while no client is connected. That holds in every mode.",
            "When the input ends (Ctrl+D, end of file, end of script) the server keeps the connections open until "
                    + "Ctrl+C; with -N it sends what is left, closes the connections and exits."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  nc -lk 9999",
            "      Type lines; every connected client gets each one.",
            "  nc -lk 9999 --file datasets/lines/hamlet.txt --rate 5 --loop",
            "      Replay a file, 5 lines a second, over and over.",
            "  nc -lk 9999 --random 0..10 --every 2s",
            "      A random whole number from 0 to 10 every 2 seconds.",
            "  nc -lk 9999 --script netcat-sim/examples/late-events.script",
            "      Timed lines from a script, e.g. a late event for a watermark.",
            "  nc -lk 9999 --wait-for 2 --file datasets/lines/hamlet.txt",
            "      Start once two clients (say a DStream receiver and a",
            "      Structured socket source) are both connected.",
            "",
            "Script lines are `+DURATION text`, e.g. `+0.5s hello world`; the delay",
            "counts from the previous line. Durations: 500ms, 0.5s, 2s, 1m.",
            "Lines starting with # and blank lines are skipped.",
            "",
            "Exit status: 0 when done; 1 when something went wrong (port in use,",
            "unreadable file, bad script line); 2 for a bad command line."
        })
final class NetcatCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    NetcatOptions options;

    private final InputStream in;
    private final PrintStream err;

    NetcatCommand(InputStream in, PrintStream err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        NetcatOptions.Settings settings = options.settings();
        LineSource source;
        try {
            source = options.source(in);
        } catch (IOException e) {
            return fail(describe(e));
        }
        NetcatServer server;
        try {
            server = NetcatServer.builder()
                    .bind(settings.host())
                    .port(settings.port())
                    .waitForClients(settings.waitForClients())
                    .dropAfter(settings.dropAfter())
                    .log(options.quiet ? message -> {} : message -> err.println("netcat-sim: " + message))
                    .start();
        } catch (BindException e) {
            source.close();
            return fail(e.getMessage());
        } catch (IOException e) {
            source.close();
            return fail("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
        }
        AtomicBoolean finished = new AtomicBoolean();
        Thread onCtrlC = new Thread(
                () -> {
                    if (!finished.get()) {
                        info("stopping after " + server.linesSent() + " lines");
                    }
                    server.close();
                },
                "netcat-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return serve(server, source, settings);
        } finally {
            finished.set(true);
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    private int serve(NetcatServer server, LineSource source, NetcatOptions.Settings settings)
            throws InterruptedException {
        String waiting = settings.waitForClients() == 0
                ? "lines are dropped while no client is connected"
                : settings.waitForClients() == 1
                        ? "waiting for the first client"
                        : "waiting for " + settings.waitForClients() + " clients";
        info("listening on " + settings.host() + ":" + server.port() + ", " + options.modeDescription() + " (" + waiting
                + ")");
        Feeder feeder = server.feed(source);
        feeder.await();
        if (feeder.failure().isPresent()) {
            Exception e = feeder.failure().get();
            return fail(e instanceof IOException io ? describe(io) : String.valueOf(e.getMessage()));
        }
        String dropped = server.linesDropped() == 0
                ? ""
                : ", " + server.linesDropped() + " dropped while no client was connected";
        if (options.closeAtEnd) {
            server.drain(Duration.ofSeconds(10));
            info("end of input: " + server.linesSent() + " lines sent" + dropped + "; closing");
            return 0;
        }
        info("end of input: " + server.linesSent() + " lines sent" + dropped
                + "; still serving, press Ctrl+C to stop (-N closes at the end of the input)");
        new CountDownLatch(1).await();
        return 0;
    }

    private void info(String message) {
        if (!options.quiet) {
            err.println("netcat-sim: " + message);
        }
    }

    private int fail(String message) {
        err.println("netcat-sim: " + message);
        return 1;
    }

    /** One sentence for a file that cannot be used. */
    static String describe(IOException e) {
        if (e instanceof ScriptException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException nsf) {
            return "cannot read " + nsf.getFile() + ": no such file";
        }
        if (e instanceof AccessDeniedException ade) {
            return "cannot read " + ade.getFile() + ": permission denied";
        }
        return "cannot read input: " + e.getMessage();
    }
}
