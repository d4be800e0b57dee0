package streamlab.grading;

/** Grading itself cannot go on (not a student's mistake): one sentence, and a non-zero exit. */
public final class GradingException extends RuntimeException {
    public GradingException(String message) {
        super(message);
    }

    public GradingException(String message, Throwable cause) {
        super(message, cause);
    }
}
