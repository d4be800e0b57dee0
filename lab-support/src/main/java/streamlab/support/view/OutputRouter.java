package streamlab.support.view;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * What a lab program's {@code System.out} (and Scala's {@code Console.out}) writes into: by default
 * straight through to the terminal, byte for byte; while a side-by-side view is on, line by line to the
 * view, with the name of the thread that printed each line. Spark prints a DStream's {@code print()} on
 * its job threads and a console sink's tables on each query's own thread, so the thread tells which API
 * a line comes from.
 */
public final class OutputRouter extends OutputStream {

    /** Where routed lines go. */
    @FunctionalInterface
    public interface Lines {
        void line(String thread, String text);
    }

    private final PrintStream terminal;
    private final Charset charset = terminalCharset();
    private final ThreadLocal<ByteArrayOutputStream> partLines = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    private volatile Lines lines;

    private OutputRouter(PrintStream terminal) {
        this.terminal = terminal;
    }

    /**
     * Puts a router in front of {@code System.out} (once: a router already there is kept). Call it before
     * any Spark or Scala class prints: Scala's {@code Console} keeps the {@code System.out} it first sees.
     */
    public static OutputRouter install() {
        if (System.out instanceof RoutedPrintStream routed) {
            return routed.router;
        }
        OutputRouter router = new OutputRouter(System.out);
        System.setOut(new RoutedPrintStream(router));
        return router;
    }

    /** Takes the router out again: {@code System.out} is the terminal it was installed in front of. */
    public void uninstall() {
        lines = null;
        if (System.out instanceof RoutedPrintStream routed && routed.router == this) {
            System.setOut(terminal);
        }
    }

    /** The stream the router writes to when nothing is routed, and where views print. */
    public PrintStream terminal() {
        return terminal;
    }

    /** The PrintStream in front of the router (what {@code System.out} is while it is installed). */
    public PrintStream printStream() {
        return System.out instanceof RoutedPrintStream routed && routed.router == this
                ? routed
                : new PrintStream(this, true, charset);
    }

    /** Sends every complete line to {@code lines} from now on; {@code null} writes straight through again. */
    public void route(Lines lines) {
        this.lines = lines;
    }

    @Override
    public void write(int b) {
        Lines to = lines;
        if (to == null) {
            terminal.write(b);
            return;
        }
        take(to, b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Lines to = lines;
        if (to == null) {
            terminal.write(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            take(to, bytes[i]);
        }
    }

    @Override
    public void flush() {
        terminal.flush();
    }

    private void take(Lines to, int b) {
        ByteArrayOutputStream part = partLines.get();
        if (b != '\n') {
            part.write(b);
            return;
        }
        String text = part.toString(charset);
        part.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        to.line(Thread.currentThread().getName(), text);
    }

    /** The encoding Java gave {@code System.out}: the router's bytes are then the ones the terminal would get. */
    private static Charset terminalCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException unknown) {
            return Charset.defaultCharset();
        }
    }

    /** {@code System.out} while the router is installed: into the router, flushed at every line. */
    private static final class RoutedPrintStream extends PrintStream {
        final OutputRouter router;

        RoutedPrintStream(OutputRouter router) {
            super(router, true, router.charset);
            this.router = router;
        }
    }
}
