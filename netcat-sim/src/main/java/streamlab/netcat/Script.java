package streamlab.netcat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads scripts of timed lines. Each line is {@code +DURATION text}: wait DURATION after the previous line, then
 * send {@code text}. Example:
 *
 * <pre>
 * # a late event
 * +0s   2025-03-01 10:00:01 apple
 * +0.5s 2025-03-01 10:00:02 pear
 * +2s   2025-03-01 09:59:58 plum
 * </pre>
 *
 * Blank lines and lines starting with {@code #} are skipped. The text starts at the first non-blank character
 * after the duration and runs to the end of the line; a {@code #} inside the text is part of it.
 */
public final class Script {

    private static final String FORM = "write '+DURATION text', e.g. '+0.5s hello world' or '+2s late event'";

    private Script() {}

    /** Reads and checks a whole script file (UTF-8). */
    public static List<TimedLine> read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a file");
        }
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses script lines.
     *
     * @param name  how to name the script in error messages
     * @param lines the script's lines
     * @throws ScriptException at the first line that is not {@code +DURATION text}
     */
    public static List<TimedLine> parse(String name, List<String> lines) throws ScriptException {
        List<TimedLine> timed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            timed.add(parseLine(name, i + 1, line));
        }
        return timed;
    }

    private static TimedLine parseLine(String name, int number, String line) throws ScriptException {
        if (!line.startsWith("+")) {
            throw new ScriptException(name, number, "'" + line + "' does not start with '+'; " + FORM);
        }
        int space = 1;
        while (space < line.length() && !Character.isWhitespace(line.charAt(space))) {
            space++;
        }
        String duration = line.substring(1, space);
        String text = line.substring(space).strip();
        if (duration.isEmpty()) {
            throw new ScriptException(name, number, "no duration after '+'; " + FORM);
        }
        Duration delay;
        try {
            delay = Durations.parse(duration);
        } catch (IllegalArgumentException e) {
            throw new ScriptException(name, number, e.getMessage());
        }
        if (text.isEmpty()) {
            throw new ScriptException(name, number, "no text after '+" + duration + "'; " + FORM);
        }
        return new TimedLine(delay, text);
    }
}
