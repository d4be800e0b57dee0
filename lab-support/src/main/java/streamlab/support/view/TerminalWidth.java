package streamlab.support.view;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * How many columns the terminal has: the {@code COLUMNS} environment variable when it is set (shells set
 * it but seldom export it: {@code COLUMNS=160 ./lab ...} forces a width), else {@code stty size} on the
 * terminal the program was started from (which works even when its output goes through a pipe, as with
 * Maven), else picocli's own detection, which gives {@value #UNKNOWN} when there is no terminal.
 */
public final class TerminalWidth {

    /** The width taken when no terminal tells its own. */
    public static final int UNKNOWN = 80;

    private TerminalWidth() {}

    public static int detect() {
        Integer width = parse(System.getenv("COLUMNS"));
        if (width == null && !System.getProperty("os.name", "").startsWith("Windows")) {
            width = sttyColumns();
        }
        if (width == null) {
            width = new CommandLine.Model.UsageMessageSpec().autoWidth(true).width();
        }
        return width;
    }

    /** A width given as text ({@code "160"}), or null when it is not a sensible one. */
    static Integer parse(String text) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            return null;
        }
        int width = Integer.parseInt(text.strip());
        return width >= 20 ? width : null;
    }

    /** The columns {@code stty size} reports for /dev/tty ("rows columns"), or null without a terminal. */
    private static Integer sttyColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(2, TimeUnit.SECONDS)) {
                stty.destroy();
                return null;
            }
            String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                    .strip()
                    .split("\\s+");
            return stty.exitValue() == 0 && size.length == 2 ? parse(size[1]) : null;
        } catch (IOException e) {
            return null; // no terminal (or no stty)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
