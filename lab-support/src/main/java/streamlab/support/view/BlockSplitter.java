package streamlab.support.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamlab.support.Api;

/**
 * Cuts the lines of one source (one printing thread) into {@link Block}s. Spark begins each block with a
 * header between two rules:
 * <pre>
 * -------------------------------------------        -------------------------------------------
 * Time: 1700000004000 ms                              Batch: 3
 * -------------------------------------------        -------------------------------------------
 * (hello,3)                                           +-----+-----+
 *                                                     |word |count|
 * </pre>
 * and ends it with an empty line. A block also ends at the next header, when {@link #close()} is called,
 * or when its source has printed nothing for a moment ({@link #closeIfQuiet}).
 */
public final class BlockSplitter {

    /** The rule Spark prints above and below a header. */
    public static final String RULE = "-------------------------------------------";

    private static final Pattern TIME = Pattern.compile("Time: (\\d+) ms\\b\\s*(.*)");
    private static final Pattern BATCH = Pattern.compile("Batch: (\\d+)\\b\\s*(.*)");

    private final Api api;
    private final String source;
    private final Consumer<Block> done;

    private boolean open;
    private Long time;
    private Long batch;
    private String note = "";
    private final List<String> lines = new ArrayList<>();
    private long firstAt;
    private long lastAt;

    public BlockSplitter(Api api, String source, Consumer<Block> done) {
        this.api = api;
        this.source = source;
        this.done = done;
    }

    /** Takes one printed line (without its line break), printed at {@code now} (epoch milliseconds). */
    public void line(String text, long now) {
        lastAt = now;
        Matcher header = TIME.matcher(text);
        boolean isTime = header.matches();
        if (!isTime) {
            header = BATCH.matcher(text);
        }
        if (isTime || header.matches()) {
            if (open && (time != null || batch != null || !lines.isEmpty())) {
                close();
            }
            begin(now);
            Long number = Long.valueOf(header.group(1));
            time = isTime ? number : null;
            batch = isTime ? null : number;
            note = header.group(2).strip();
            return;
        }
        if (text.equals(RULE)) {
            if (open && !lines.isEmpty()) {
                close(); // a rule under content: the next block's header begins
            }
            begin(now);
            return;
        }
        if (text.isEmpty()) {
            if (open && (time != null || batch != null || !lines.isEmpty())) {
                close();
            }
            return;
        }
        begin(now);
        lines.add(text);
    }

    /** Ends the open block if its source has printed nothing since {@code quietMillis} before {@code now}. */
    public void closeIfQuiet(long now, long quietMillis) {
        if (open && now - lastAt >= quietMillis) {
            close();
        }
    }

    /** Ends the open block, if any (a header with nothing under it is a block too: an empty batch). */
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        if (time != null || batch != null || !lines.isEmpty()) {
            done.accept(new Block(api, source, time, batch, note, lines, firstAt));
        }
        lines.clear();
        time = null;
        batch = null;
        note = "";
    }

    private void begin(long now) {
        if (!open) {
            open = true;
            firstAt = now;
        }
    }
}
