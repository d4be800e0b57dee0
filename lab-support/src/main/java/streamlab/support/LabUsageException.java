package streamlab.support;

/**
 * A problem the user can fix (a port nobody listens on, a missing file, a wrong Java): the program
 * prints its one-sentence message and exits with a non-zero status, without a stack trace.
 */
public final class LabUsageException extends RuntimeException {
    public LabUsageException(String message) {
        super(message);
    }
}
