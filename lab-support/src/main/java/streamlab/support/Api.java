package streamlab.support;

import java.util.Locale;

/**
 * Which of the two Spark streaming APIs: on a lab's command line ({@code --api}), on a graded test
 * class ({@code @LabTest(api = ...)}) and in the grader ({@code --api}, and the scoreboard's columns).
 */
public enum Api {
    /** Spark Streaming: DStreams of RDDs, processing time, {@code spark-streaming}. */
    DSTREAM,
    /** Structured Streaming: unbounded DataFrames, event time, {@code spark-sql}. */
    STRUCTURED,
    /**
     * Both: a program runs the two side by side on one stream; a graded test compares their answers
     * (scored in a column of its own, so one API's bug never costs the other API's points).
     */
    BOTH;

    /** The name used on command lines and in reports: {@code dstream}, {@code structured}, {@code both}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a choice of {@code this} includes {@code api}: {@code BOTH} includes everything. */
    public boolean includes(Api api) {
        return this == BOTH || this == api;
    }

    /** The API of a label ({@code dstream}, {@code structured}, {@code both}), in any case. */
    public static Api of(String label) {
        for (Api api : values()) {
            if (api.label().equalsIgnoreCase(label.trim())) {
                return api;
            }
        }
        throw new LabUsageException("The API must be dstream, structured or both, not \"" + label + "\".");
    }
}
