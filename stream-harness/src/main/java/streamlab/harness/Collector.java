package streamlab.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where output operations of a running test put what each batch produced. Spark serializes the
 * output function with the DStream graph, so the function only carries a run id; the rows land here,
 * in the driver, keyed by batch time (DStream) or batch id (Structured).
 */
final class Collector {

    private static final Map<String, TreeMap<Long, List<Object>>> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> COLUMNS = new ConcurrentHashMap<>();

    private Collector() {}

    static void open(String runId) {
        RUNS.put(runId, new TreeMap<>());
    }

    static void add(String runId, long key, List<?> rows) {
        TreeMap<Long, List<Object>> run = RUNS.get(runId);
        if (run != null) {
            synchronized (run) {
                run.put(key, new ArrayList<>(rows));
            }
        }
    }

    /** The column names of a run's output (a Structured micro-batch's schema). */
    static void columns(String runId, String[] names) {
        COLUMNS.put(runId, List.of(names));
    }

    /** The column names recorded for a run, or null when none were. */
    static List<String> columnsOf(String runId) {
        return COLUMNS.get(runId);
    }

    /** Everything collected so far, in key order. */
    static TreeMap<Long, List<Object>> snapshot(String runId) {
        TreeMap<Long, List<Object>> run = RUNS.get(runId);
        synchronized (run) {
            return new TreeMap<>(run);
        }
    }

    static void close(String runId) {
        RUNS.remove(runId);
        COLUMNS.remove(runId);
    }
}
