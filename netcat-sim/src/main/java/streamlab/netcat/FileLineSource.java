package streamlab.netcat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Replays a UTF-8 text file line by line, at a fixed interval, optionally from the top again at the end. */
final class FileLineSource implements LineSource {

    private final Path file;
    private final Duration interval;
    private final boolean loop;
    private BufferedReader reader;
    private boolean first = true;
    private long linesThisPass;

    FileLineSource(Path file, Duration interval, boolean loop) throws IOException {
        this.file = file;
        this.interval = interval;
        this.loop = loop;
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not a file");
        }
        this.reader = open();
    }

    private BufferedReader open() throws IOException {
        // an InputStreamReader replaces bytes that are not UTF-8 instead of failing half-way through a replay
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public TimedLine next() throws IOException {
        while (true) {
            String line = reader.readLine();
            if (line != null) {
                linesThisPass++;
                Duration delay = first ? Duration.ZERO : interval;
                first = false;
                return new TimedLine(delay, line);
            }
            if (!loop || linesThisPass == 0) {
                return null;
            }
            reader.close();
            reader = open();
            linesThisPass = 0;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
