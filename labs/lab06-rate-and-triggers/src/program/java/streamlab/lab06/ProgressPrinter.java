package streamlab.lab06;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import streamlab.support.MissingSolutionException;

/** After each micro-batch: your progressLine, and a warning when your fallingBehind says so. */
final class ProgressPrinter extends StreamingQueryListener {
    private final Map<UUID, Deque<StreamingQueryProgress>> recent = new ConcurrentHashMap<>();
    private volatile boolean missing;

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        Deque<StreamingQueryProgress> last3 = recent.computeIfAbsent(progress.runId(), id -> new ArrayDeque<>());
        last3.addLast(progress);
        if (last3.size() > 3) {
            last3.removeFirst();
        }
        try {
            System.out.println("== " + RateTriggersStructured.progressLine(progress));
            if (last3.size() == 3 && RateTriggersStructured.fallingBehind(List.copyOf(last3))) {
                System.out.println("== falling behind: 3 batches in a row processed fewer rows a second than came in");
            }
        } catch (RuntimeException e) {
            if (MissingSolutionException.messageOf(e) == null) {
                throw e;
            }
            if (!missing) {
                missing = true;
                System.err.println("== no progress lines: " + MissingSolutionException.messageOf(e));
            }
        }
    }

    /** Sent instead of progress while a query finds no new data (every 10 s by default). */
    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        System.out.println("== " + idleLine(event));
    }

    /** What {@link #onQueryIdle} prints. */
    static String idleLine(QueryIdleEvent event) {
        return "idle since " + event.timestamp() + ": no new data for query " + event.id();
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
