package streamlab.lab07;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import streamlab.support.Api;
import streamlab.support.FileFeeder;
import streamlab.support.LabUsageException;

/** The checks of Lab07's options before Spark starts: each wrong value is one sentence (exit status 2). */
final class InputChecks {

    private InputChecks() {}

    /** True for --trigger available-now (which a DStream has none like), false for processing. */
    static boolean availableNow(String trigger, Api api) {
        return switch (trigger) {
            case "processing" -> false;
            case "available-now" -> {
                if (api == Api.DSTREAM) {
                    throw new LabUsageException(
                            "--trigger available-now is a trigger of Structured Streaming: a DStream"
                                    + " has none like it (use --api structured or both).");
                }
                yield true;
            }
            default ->
                throw new LabUsageException("--trigger must be processing or available-now, not " + trigger + ".");
        };
    }

    /** The input folder, if it holds JSON files; and a sane --files-per-trigger. */
    static Path input(Path from, int filesPerTrigger) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new LabUsageException("There is no folder " + from.toAbsolutePath() + ": give --input a folder of"
                    + " JSON-lines files (or run ./lab 07 from the repository's root).");
        }
        if (FileFeeder.jsonFiles(from).isEmpty()) {
            throw new LabUsageException(
                    "The folder " + from + " holds no .json file: give --input a folder of" + " JSON-lines files.");
        }
        if (filesPerTrigger < 1) {
            throw new LabUsageException("--files-per-trigger must be at least 1, not " + filesPerTrigger + ".");
        }
        return from;
    }
}
