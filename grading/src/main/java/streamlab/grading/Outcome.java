package streamlab.grading;

/**
 * The result of one graded test for one submission.
 *
 * @param lab      two digits, "01"
 * @param api      "dstream", "structured", or "both" (a test that compares the two APIs)
 * @param test     the test method's name (its snake_case sentence)
 * @param status   see {@link Status}
 * @param message  why it failed, as the test reported it (empty when it passed)
 * @param seconds  how long it ran
 */
public record Outcome(String lab, String api, String test, Status status, String message, double seconds) {

    /** What became of a test. */
    public enum Status {
        PASSED("passed"),
        FAILED("failed"),
        NOT_IMPLEMENTED("not implemented"),
        DOES_NOT_COMPILE("does not compile"),
        MISSING("missing"),
        NOT_RUN("not run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The key of this test in points.properties: {@code lab01.dstream.counts_words}. */
    public String key() {
        return "lab" + lab + "." + api + "." + test;
    }
}
