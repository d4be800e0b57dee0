package streamlab.harness;

import org.apache.spark.SparkThrowable;

/** What a test reads from an error Spark threw. */
public final class SparkErrors {

    private SparkErrors() {}

    /**
     * The condition (error class) of the first Spark error among {@code e} and its causes that says more than
     * "the stream failed" ({@code STREAM_FAILED} wraps what stopped a query): {@code
     * STATE_STORE_KEY_SCHEMA_NOT_COMPATIBLE}, say. Null when there is none.
     */
    public static String conditionOf(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SparkThrowable st
                    && st.getCondition() != null
                    && !"STREAM_FAILED".equals(st.getCondition())) {
                return st.getCondition();
            }
        }
        return null;
    }
}
