package streamlab.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C (SIGINT) and {@code kill} (SIGTERM) stop a lab program the way the end of {@code --seconds} does:
 * the program's own thread stops the streams, says "stopped" and exits with {@value #EXIT_STATUS}.
 *
 * <p>Without this, the JVM would stop at once and Spark's shutdown hook would stop the SparkContext under
 * the running streams, which then fail ("Cannot call methods on a stopped SparkContext"). The JDK has no
 * public way to handle a signal; {@code sun.misc.Signal} (module jdk.unsupported, which Spark uses for the
 * same purpose) is the one there is. A program that is not waiting in {@link Running#awaitEnd} when the
 * signal comes (still starting, or waiting in its own way) and a second Ctrl-C stop it at once, quietly.
 */
final class StopSignals {

    /** The exit status after a stop by signal: the shell's for Ctrl-C (128 + SIGINT). */
    static final int EXIT_STATUS = 130;

    private static final AtomicInteger received = new AtomicInteger();
    private static volatile boolean awaited;

    private StopSignals() {}

    /** Handles SIGINT and SIGTERM from now on (where the JVM lets a program handle them). */
    static void install() {
        for (String name : List.of("INT", "TERM")) {
            try {
                // javac warns that sun.misc may go away one day; the JDK has nothing else for this yet
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> received());
            } catch (IllegalArgumentException notHere) {
                // the JVM keeps this signal (-Xrs) or the system has none: its default stays
            }
        }
    }

    /** Whether a stop signal came: the program is stopping because it was asked to. */
    static boolean requested() {
        return received.get() > 0;
    }

    /** Whether the program waits in {@link Running#awaitEnd}, which stops the streams itself on a signal. */
    static void awaiting(boolean waiting) {
        awaited = waiting;
    }

    private static void received() {
        if (received.incrementAndGet() == 1 && awaited) {
            return; // Running.awaitEnd sees it within a moment and the program ends as after --seconds
        }
        System.out.println("== stopped.");
        System.exit(EXIT_STATUS);
    }
}
