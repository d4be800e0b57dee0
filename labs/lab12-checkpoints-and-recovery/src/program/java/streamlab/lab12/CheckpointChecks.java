package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Path;
import streamlab.support.LabUsageException;

/** Before a pipeline starts: a checkpoint folder of the other API is refused with one sentence (exit status 2). */
final class CheckpointChecks {

    private CheckpointChecks() {}

    /**
     * The checkpoint folder of a pipeline, if it holds no checkpoint of the other API: a DStream pipeline's
     * must not hold a Structured query's checkpoint, a Structured pipeline's no DStream checkpoint.
     */
    static Path notOfTheOtherApi(Path checkpoint, Lab12.Pipeline pipeline) throws IOException {
        if (pipeline == Lab12.Pipeline.dstream || pipeline == Lab12.Pipeline.direct) {
            notAStructuredCheckpoint(checkpoint);
        } else {
            notADStreamCheckpoint(checkpoint);
        }
        return checkpoint;
    }

    /** For the Structured pipelines: the folder must not hold a DStream checkpoint. */
    static void notADStreamCheckpoint(Path checkpoint) throws IOException {
        if (Lab12Output.holdsDStreamCheckpoint(checkpoint)) {
            throw new LabUsageException("The folder " + checkpoint + " holds a DStream checkpoint, not a Structured"
                    + " query's: give --checkpoint a folder of its own, or delete " + checkpoint + " to start over.");
        }
    }

    /** For the DStream pipelines: the folder must not hold a Structured query's checkpoint. */
    static void notAStructuredCheckpoint(Path checkpoint) {
        if (Lab12Output.holdsStructuredCheckpoint(checkpoint)) {
            throw new LabUsageException("The folder " + checkpoint + " holds a Structured query's checkpoint, not a"
                    + " DStream's: give --checkpoint a folder of its own, or delete " + checkpoint + " to start over.");
        }
    }
}
