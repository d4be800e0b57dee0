package streamlab.netcat;

import java.util.List;

/** Lines held in memory (a parsed script, or lines given in code), optionally repeated. */
final class ListLineSource implements LineSource {

    private final List<TimedLine> lines;
    private final boolean loop;
    private int next;

    ListLineSource(List<TimedLine> lines, boolean loop) {
        this.lines = List.copyOf(lines);
        this.loop = loop;
    }

    @Override
    public TimedLine next() {
        if (next == lines.size()) {
            if (!loop || lines.isEmpty()) {
                return null;
            }
            next = 0;
        }
        return lines.get(next++);
    }
}
