package streamlab.lab09;

import streamlab.support.MissingSolutionException;

/**
 * Lab 09, Structured Streaming API: the output-mode matrix. For each kind of query and each output
 * mode, what the query writes after every trigger, or that Spark refuses to start it: an {@link Outcome}.
 */
public final class OutputModes {

    private OutputModes() {}

    /** What {@code query} does in {@code mode} ("append", "update" or "complete"). */
    public static Outcome outcome(MatrixQuery query, String mode) {
        // TODO: output: what query does in mode ("append", "update" or "complete"): an Outcome for each of the
        //       15 cells (MatrixQuery describes the five queries).
        //       The idea: what each mode promises: append writes a row once and never changes it, update
        //       writes what changed, complete writes the whole result table. Which promise can Spark keep?
        throw new MissingSolutionException("Lab 09, OutputModes.outcome: the hints are in"
                + " labs/lab09-output-modes-and-joins/README.md, section Hints.");
    }
}
