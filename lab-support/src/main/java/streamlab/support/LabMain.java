package streamlab.support;

import java.io.PrintStream;
import picocli.CommandLine;
import streamlab.support.view.OutputRouter;
import streamlab.support.view.SideBySide;

/**
 * Runs a lab program's command (a picocli command) and exits: with 0 when it ends, or with one sentence
 * on the error stream and a non-zero status when it cannot go on, instead of a stack trace.
 *
 * <ul>
 *   <li>2: a problem with how it was started (a bad option, a missing file, nothing listening);</li>
 *   <li>1: a TODO left, or an error while it ran (the exercise's own exception, say);</li>
 *   <li>130: stopped by Ctrl-C or SIGTERM ({@link StopSignals}), after "== stopped.".</li>
 * </ul>
 */
public final class LabMain {

    private LabMain() {}

    /** Runs {@code command} as the program; Ctrl-C and SIGTERM stop it quietly, with exit status 130. */
    public static void run(Object command, String... args) {
        StopSignals.install();
        System.exit(exitCode(command, args));
    }

    /**
     * What {@link #run} exits with (for tests). {@code System.out} goes through an {@link OutputRouter} while
     * the command runs, put in place before Spark starts (Scala's {@code Console}, where a DStream's
     * {@code print()} and a console sink write, is pointed at it as well), so that {@code --view} can show
     * which API printed what.
     */
    public static int exitCode(Object command, String... args) {
        PrintStream before = System.out;
        OutputRouter router = OutputRouter.install();
        try {
            return scala.Console.withOut(router.printStream(), () -> execute(command, args));
        } finally {
            SideBySide.end();
            if (before != System.out) {
                router.uninstall();
            }
        }
    }

    private static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(
                        true); // the later value counts: ./demo --seconds 90 overrides the demo's 40
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (StopSignals.requested()) {
                return StopSignals.EXIT_STATUS; // stopped by Ctrl-C while starting: what failed then is no news
            }
            if (e instanceof LabUsageException) {
                System.err.println(e.getMessage());
                return 2;
            }
            String missing = MissingSolutionException.messageOf(e);
            if (missing != null) {
                System.err.println(cmd.getCommandName() + ": " + missing);
                return 1;
            }
            System.err.println(cmd.getCommandName() + " stopped with an error: " + rootMessage(e));
            return 1;
        });
        int status = cli.execute(args);
        return StopSignals.requested() && status == 0 ? StopSignals.EXIT_STATUS : status;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage() : root.toString();
    }
}
