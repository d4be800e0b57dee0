package streamlab.support.view;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import streamlab.support.Api;

/**
 * From printed lines to {@link Placed} blocks: each printing thread's lines are cut into blocks; a DStream
 * block takes its batch time, a Structured block the time its micro-batch began ({@link MicroBatches}),
 * which puts it in the row of the DStream output time nearest to it. Not thread-safe: the view calls it
 * under its lock.
 */
final class Placing {

    /** A block whose source printed nothing for this long is complete. */
    static final long QUIET_SOURCE_MILLIS = 1000;
    /**
     * The same for the listeners' thread, which prints a line or two right after a micro-batch's report:
     * soon enough for the row of the micro-batch, which waits {@link Pairing#QUIET_MILLIS} for more.
     */
    static final long QUIET_LISTENERS_MILLIS = 150;

    private final Consumer<Placed> placed;
    private final MicroBatches microBatches;
    private final Map<String, BlockSplitter> splitters = new HashMap<>();
    private DStreamTimes dstream;
    private Long lastDStreamTime;

    /** @param lock the view's lock (progress reports come on Spark's listener thread and take it) */
    Placing(Object lock, Consumer<Placed> placed) {
        this.placed = placed;
        this.microBatches = new MicroBatches(lock, this::closeSourcesOf, this::timed);
    }

    /** The listener to add to the session's streams: it gives each micro-batch's block its time. */
    MicroBatches microBatches() {
        return microBatches;
    }

    /** The DStream part's times: its rows, and its windows for the timeline. */
    void dstream(DStreamTimes times) {
        this.dstream = times;
    }

    /** A line {@code api}'s part printed on {@code thread}. */
    void line(Api api, String thread, String text, long now) {
        String runId = OutputThreads.runIdOf(thread);
        String source = runId != null ? runId : thread;
        splitters
                .computeIfAbsent(source, key -> new BlockSplitter(api, key, this::finished))
                .line(text, now);
    }

    /** Ends the blocks whose source has gone quiet, and stops waiting for reports that do not come. */
    void tick(long now) {
        splitters.forEach((source, splitter) -> splitter.closeIfQuiet(
                now, source.equals(OutputThreads.QUERY_LISTENERS) ? QUIET_LISTENERS_MILLIS : QUIET_SOURCE_MILLIS));
        microBatches.expire(now);
    }

    /** Ends every block (the streams have stopped). */
    void flush() {
        splitters.values().forEach(BlockSplitter::close);
        microBatches.expire(Long.MAX_VALUE);
    }

    /** The windows a block shows: those it names, or for a DStream the window that ends at its batch time. */
    List<Span> windows(Placed block) {
        List<Span> named = WindowSpans.in(block.block().lines(), block.slot(), ZoneId.systemDefault());
        if (!named.isEmpty()
                || block.block().api() != Api.DSTREAM
                || dstream == null
                || block.block().time() == null) {
            return named;
        }
        return dstream.windowEndingAt(block.block().time());
    }

    /** Before a query's report: its blocks, and those of the listeners, are complete. */
    private void closeSourcesOf(String runId) {
        for (String source : new String[] {runId, OutputThreads.QUERY_LISTENERS}) {
            BlockSplitter splitter = splitters.get(source);
            if (splitter != null) {
                splitter.close();
            }
        }
    }

    private void finished(Block block) {
        if (block.api() == Api.STRUCTURED) {
            microBatches.block(block, OutputThreads.QUERY_LISTENERS.equals(block.source()) ? null : block.source());
            return;
        }
        if (block.time() != null) {
            lastDStreamTime = block.time();
        }
        long slot = lastDStreamTime != null ? lastDStreamTime : rowOf(block.arrivedAt());
        placed.accept(new Placed(block, slot, Labels.dstream(block, slot)));
    }

    private void timed(Block block, MicroBatches.Progress progress) {
        long began = progress != null ? progress.began() : block.arrivedAt();
        String label = progress != null
                ? Labels.structured(block, progress.batch(), progress.query(), began)
                : Labels.structured(block, null, null, null);
        placed.accept(new Placed(block, rowOf(began), label));
    }

    /** The row of a time: the DStream output time nearest to it, or its second without a DStream part. */
    private long rowOf(long time) {
        return dstream != null ? dstream.nearestOutput(time) : Math.floorDiv(time, 1000) * 1000;
    }
}
