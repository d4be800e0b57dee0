package streamlab.netcat;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of {@code netcat-sim/nc}. {@link #run} returns the exit status instead of exiting, so tests can call it.
 */
public final class Main {

    /** Exit status for a bad command line. */
    public static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command with the process's standard streams and returns its exit status. */
    public static int run(String... args) {
        return run(System.in, System.out, System.err, args);
    }

    /**
     * Runs the command and returns its exit status: 0 when done, 1 when something went wrong, 2 for a bad command
     * line. Without {@code -N} this returns only once the server is stopped (Ctrl+C).
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = commandLine(in, err);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
            err.println("netcat-sim: " + oneLine(e) + " (see --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("netcat-sim: " + e);
            return 1;
        });
        return cli.execute(args);
    }

    /** A parser for the command (for tests that only look at how arguments are read). */
    static CommandLine commandLine(InputStream in, PrintStream err) {
        CommandLine cli = new CommandLine(new NetcatCommand(in, err));
        cli.setPosixClusteredShortOptionsAllowed(true);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static String oneLine(ParameterException e) {
        Throwable cause = e.getCause();
        String message = cause instanceof TypeConversionException ? cause.getMessage() : e.getMessage();
        return message == null
                ? "bad command line"
                : message.lines().findFirst().orElse(message);
    }

    /** {@code --version}: the version written into the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"netcat-sim " + (version != null ? version : "(development build)")};
        }
    }
}
