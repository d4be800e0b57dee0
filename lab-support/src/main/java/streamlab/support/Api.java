package streamlab.support;

/** The two Spark streaming APIs a lab exists in. */
public enum Api {
    /** Spark Streaming: DStreams of RDDs, processing time, {@code spark-streaming}. */
    DSTREAM,
    /** Structured Streaming: unbounded DataFrames, event time, {@code spark-sql}. */
    STRUCTURED;

    /** The name used on command lines and in reports. */
    public String label() {
        return this == DSTREAM ? "dstream" : "structured";
    }
}
