package streamlab.lab09;

/** What a query writes in an output mode: the answers of {@link OutputModes#outcome}. */
public enum Outcome {
    /** Each new result row once, when it comes. */
    NEW_ROWS,
    /** Each result row once, when the watermark shows it can no longer change. */
    FINAL_ROWS,
    /** The result rows that changed in this trigger, with their new values. */
    CHANGED_ROWS,
    /** The whole result table, after every trigger. */
    WHOLE_TABLE,
    /** Spark does not start the query: {@code start()} throws an AnalysisException. */
    REFUSED
}
