package streamlab.support;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options of a lab that feeds files into a watched folder (a picocli mixin): {@code --input}, the
 * files to deliver; {@code --watch}, the folder they are delivered to and a file source reads;
 * {@code --output}, the folder its sink writes; and {@code --no-feed}, to deliver nothing (the student
 * drops the files in by hand). Each lab words the three in its own terms: its command's
 * resource bundle holds the keys {@code feed.input}, {@code feed.watch} and {@code feed.output}.
 */
public final class FileFeedOptions {

    @Option(
            names = "--input",
            paramLabel = "DIR",
            descriptionKey = "feed.input",
            description = "The files to deliver into the watched folder.")
    Path input;

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            descriptionKey = "feed.watch",
            description = "The folder the files are delivered to and read from.")
    Path watch;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            descriptionKey = "feed.output",
            description = "The folder the sink writes.")
    Path output;

    @Option(
            names = "--no-feed",
            description = "Deliver nothing: you put the files into the watched folder yourself, while it runs.")
    boolean noFeed;

    /** {@code --input}, or the lab's own default. */
    public Path input(Path labDefault) {
        return input != null ? input : labDefault;
    }

    /** {@code --watch}, or the lab's own default. */
    public Path watch(Path labDefault) {
        return watch != null ? watch : labDefault;
    }

    /** {@code --output}, or the lab's own default. */
    public Path output(Path labDefault) {
        return output != null ? output : labDefault;
    }

    /** The feeder of {@code from}'s files into {@code into}; with {@code --no-feed}, one that delivers nothing. */
    public FileFeeder feeder(Path from, Path into) throws IOException {
        return noFeed ? FileFeeder.none(into) : FileFeeder.of(from, into);
    }
}
