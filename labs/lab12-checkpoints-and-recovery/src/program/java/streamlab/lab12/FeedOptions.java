package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import streamlab.support.FileFeeder;
import streamlab.support.LabUsageException;

/** The options of Lab12's input and folders (a picocli mixin), and the check of --input before anything starts. */
final class FeedOptions {

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "The IoT event files to deliver (default: datasets/iot).")
    Path input;

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description =
                    "The folder the files are delivered to and read from (default: output/lab12/incoming-<pipeline>).")
    Path watch;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "files: the JSON sink's folder (default: output/lab12/files).")
    Path output;

    @Option(names = "--no-feed", description = "Deliver nothing: someone else puts the files (or sends the records).")
    boolean noFeed;

    /** The folder the files are delivered to and read from (--watch, or output/lab12/incoming-PIPELINE), made. */
    Path watchedFolder(Lab12.Pipeline pipeline) throws IOException {
        Path watched = watch != null ? watch : Path.of("output/lab12/incoming-" + pipeline);
        Files.createDirectories(watched);
        return watched;
    }

    /** The JSON sink's folder of the files pipeline: --output, or output/lab12/files. */
    Path out() {
        return output != null ? output : Path.of("output/lab12/files");
    }

    /** The folder of event files, if it holds JSON files. */
    Path checkedInput() throws IOException {
        Path from = input != null ? input : Path.of("datasets/iot");
        if (!Files.isDirectory(from)) {
            throw new LabUsageException("There is no folder " + from.toAbsolutePath() + ": give --input a folder of"
                    + " JSON-lines IoT event files (or run ./lab 12 from the repository's root).");
        }
        if (FileFeeder.jsonFiles(from).isEmpty()) {
            throw new LabUsageException("The folder " + from + " holds no .json file: give --input a folder of"
                    + " JSON-lines IoT event files.");
        }
        return from;
    }
}
