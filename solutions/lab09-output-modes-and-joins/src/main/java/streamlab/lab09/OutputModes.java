package streamlab.lab09;

/**
 * Lab 09, Structured Streaming API: the output-mode matrix. For each kind of query and each output
 * mode, what the query writes after every trigger, or that Spark refuses to start it.
 */
public final class OutputModes {

    private OutputModes() {}

    /** What {@code query} does in {@code mode} ("append", "update" or "complete"). */
    public static Outcome outcome(MatrixQuery query, String mode) {
        return switch (query) {
            case SELECT_FILTER, STREAM_STATIC_JOIN ->
                switch (mode) {
                    case "append", "update" -> Outcome.NEW_ROWS;
                    default -> Outcome.REFUSED; // complete: nothing to keep a whole table of
                };
            case AGGREGATION ->
                switch (mode) {
                    case "append" -> Outcome.REFUSED; // no watermark: a count is never final
                    case "update" -> Outcome.CHANGED_ROWS;
                    default -> Outcome.WHOLE_TABLE;
                };
            case WATERMARKED_AGGREGATION ->
                switch (mode) {
                    case "append" -> Outcome.FINAL_ROWS;
                    case "update" -> Outcome.CHANGED_ROWS;
                    default -> Outcome.WHOLE_TABLE; // the watermark does not shrink a complete table
                };
            case SORTED_AGGREGATION ->
                switch (mode) {
                    case "complete" -> Outcome.WHOLE_TABLE;
                    default -> Outcome.REFUSED; // a sort needs the whole table
                };
        };
    }
}
