package streamlab.netcat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/** Lines as they arrive on a reader, typically standard input; each is due at once. */
final class ReaderLineSource implements LineSource {

    private final BufferedReader reader;

    ReaderLineSource(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    }

    @Override
    public TimedLine next() throws IOException {
        String line = reader.readLine();
        return line == null ? null : TimedLine.now(line);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
