package streamlab.support.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import streamlab.support.Api;

/**
 * Which API printed a line, told by the name of the thread that printed it (Spark 4's names):
 * <ul>
 *   <li>{@code streaming-job-executor-0}: a DStream output operation ({@code print()}, {@code foreachRDD});</li>
 *   <li>{@code stream execution thread for NAME [id = ..., runId = ...]}: a Structured query's own thread,
 *       where its sink writes (the console sink, {@code foreachBatch});</li>
 *   <li>{@code spark-listener-group-streams}: a {@code StreamingQueryListener}, after a micro-batch.</li>
 * </ul>
 * Every other thread (the program's main thread, say) is neither.
 */
public final class OutputThreads {

    /** The thread of Spark's listeners of Structured queries. */
    public static final String QUERY_LISTENERS = "spark-listener-group-streams";

    private static final Pattern RUN_ID = Pattern.compile("runId = ([0-9a-fA-F-]{36})]");

    private OutputThreads() {}

    /** The API whose output a thread prints, or null. */
    public static Api apiOf(String thread) {
        if (thread.startsWith("streaming-job-executor")) {
            return Api.DSTREAM;
        }
        if (thread.startsWith("stream execution thread for") || thread.equals(QUERY_LISTENERS)) {
            return Api.STRUCTURED;
        }
        return null;
    }

    /** The run id of the query whose thread this is, or null for any other thread. */
    public static String runIdOf(String thread) {
        Matcher m = RUN_ID.matcher(thread);
        return thread.startsWith("stream execution thread for") && m.find() ? m.group(1) : null;
    }
}
