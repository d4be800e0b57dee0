package streamlab.netcat;

import java.io.IOException;

/** A script line that is not {@code +DURATION text}; the message names the script and the line number. */
public final class ScriptException extends IOException {

    private final int lineNumber;

    public ScriptException(String scriptName, int lineNumber, String problem) {
        super("bad line " + lineNumber + " in script " + scriptName + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /** The line number in the script, counting from 1. */
    public int lineNumber() {
        return lineNumber;
    }
}
