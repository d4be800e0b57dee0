package streamlab.support.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * When each Structured block's micro-batch began. A console sink prints on its query's thread before the
 * query reports the micro-batch's progress, so a block from a query's thread waits for that query's next
 * progress report (its start time and number). A block printed by a listener after a micro-batch takes
 * the report being handed out. A block whose report does not come in time keeps its arrival time.
 */
final class MicroBatches extends StreamingQueryListener {

    /** What a query reported about one micro-batch. */
    record Progress(String runId, long batch, long began, String query) {}

    /** How long a block waits for its query's report. */
    static final long WAIT_MILLIS = 5000;

    private final Object lock;
    private final BiConsumer<Block, Progress> timed;
    private final Map<String, List<Block>> waiting = new HashMap<>();
    private final Consumer<String> beforeReport;
    private Progress handedOut;

    /**
     * @param lock         the view's lock, held while reports are taken
     * @param beforeReport run (under the lock) with a query's run id before its report is taken: ends its
     *                     blocks still open
     * @param timed        where each block goes with its report (null: none came)
     */
    MicroBatches(Object lock, Consumer<String> beforeReport, BiConsumer<Block, Progress> timed) {
        this.lock = lock;
        this.beforeReport = beforeReport;
        this.timed = timed;
    }

    /** Takes a finished Structured block; {@code runId} is its query's, or null for a listener's block. */
    void block(Block block, String runId) {
        if (runId != null) {
            waiting.computeIfAbsent(runId, id -> new ArrayList<>()).add(block);
        } else {
            timed.accept(block, handedOut);
        }
    }

    /** Gives up waiting for the blocks that arrived before {@code now - WAIT_MILLIS} (all with {@code now = MAX}). */
    void expire(long now) {
        for (List<Block> blocks : waiting.values()) {
            for (Iterator<Block> it = blocks.iterator(); it.hasNext(); ) {
                Block block = it.next();
                if (now == Long.MAX_VALUE || now - block.arrivedAt() >= WAIT_MILLIS) {
                    it.remove();
                    timed.accept(block, null);
                }
            }
        }
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress p = event.progress();
        Progress progress = new Progress(
                p.runId().toString(), p.batchId(), Instant.parse(p.timestamp()).toEpochMilli(), p.name());
        synchronized (lock) {
            beforeReport.accept(progress.runId());
            handedOut = progress;
            List<Block> blocks = waiting.remove(progress.runId());
            if (blocks != null) {
                blocks.forEach(block -> timed.accept(block, progress));
            }
        }
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
