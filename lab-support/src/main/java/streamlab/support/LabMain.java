package streamlab.support;

import picocli.CommandLine;

/**
 * Runs a lab program's command (a picocli command) and exits: with 0 when it ends, or with one sentence
 * on the error stream and a non-zero status when it cannot go on, instead of a stack trace.
 *
 * <ul>
 *   <li>2: a problem with how it was started (a bad option, a missing file, nothing listening);</li>
 *   <li>1: a TODO left, or an error while it ran (the exercise's own exception, say).</li>
 * </ul>
 */
public final class LabMain {

    private LabMain() {}

    public static void run(Object command, String... args) {
        System.exit(exitCode(command, args));
    }

    /** What {@link #run} exits with (for tests). */
    public static int exitCode(Object command, String... args) {
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
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
        return cli.execute(args);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getClass().getSimpleName() + ": " + root.getMessage() : root.toString();
    }
}
