package streamlab.netcat;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Where the lines come from: a file, random numbers, a script of timed lines, standard input, or a list.
 * Each line says how long after the previous one it is due; a {@link Feeder} does the waiting.
 *
 * <p>Feed one into a server with {@link NetcatServer#feed(LineSource)}.
 */
public interface LineSource extends Closeable {

    /**
     * The next line, or {@code null} when there are no more. May block (e.g. while reading standard input).
     */
    TimedLine next() throws IOException;

    @Override
    default void close() throws IOException {}

    /**
     * Replays a text file (UTF-8), line by line.
     *
     * @param linesPerSecond lines per second; 0 sends as fast as the clients read
     * @param loop           start again from the top at the end of the file
     * @throws java.nio.file.NoSuchFileException   if the file does not exist
     * @throws java.nio.file.AccessDeniedException if it cannot be read
     * @throws IllegalArgumentException            if the rate is negative or not a number
     */
    static LineSource file(Path file, double linesPerSecond, boolean loop) throws IOException {
        return new FileLineSource(file, Rates.interval(linesPerSecond), loop);
    }

    /** Random whole numbers in {@code range} (both ends included), one every {@code every}, the first at once. */
    static LineSource randomInts(IntRange range, Duration every) {
        return new RandomIntSource(range, every, System.nanoTime());
    }

    /** Like {@link #randomInts(IntRange, Duration)}, with a seed so that every run sends the same numbers. */
    static LineSource randomInts(IntRange range, Duration every, long seed) {
        return new RandomIntSource(range, every, seed);
    }

    /**
     * A script of timed lines, each {@code +DURATION text} (e.g. {@code +0.5s hello world}); the delay counts from
     * the previous line. Lines starting with {@code #} and blank lines are skipped.
     *
     * @throws ScriptException if a line does not follow that form (its message names the line number)
     */
    static LineSource script(Path file, boolean loop) throws IOException {
        return new ListLineSource(Script.read(file), loop);
    }

    /** Timed lines given in code, e.g. from {@link Script#parse(String, List)}. */
    static LineSource timed(List<TimedLine> lines, boolean loop) {
        return new ListLineSource(lines, loop);
    }

    /** The given lines, all due at once. */
    static LineSource of(String... lines) {
        return new ListLineSource(Arrays.stream(lines).map(TimedLine::now).toList(), false);
    }

    /** Lines read from standard input as they are typed or piped in (in the platform's encoding). */
    static LineSource stdin() {
        return stdin(System.in);
    }

    /** Lines read from an input stream, in the platform's encoding, as they arrive. */
    static LineSource stdin(InputStream in) {
        return reader(new InputStreamReader(in, Charset.defaultCharset()));
    }

    /** Lines read from a reader as they arrive. */
    static LineSource reader(Reader reader) {
        return new ReaderLineSource(reader);
    }
}
