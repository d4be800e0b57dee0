package streamlab.datasets;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Writes every generated dataset of the labs, byte for byte the same on every run and machine (fixed
 * seeds, fixed times, Unix line ends): {@code datasets/generate} runs it on the repository's
 * {@code datasets/} folder.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write the generated datasets (zipcodes, iot, activity) into a datasets folder.")
public final class Generate implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The datasets folder (default: datasets).", defaultValue = "datasets")
    Path dir;

    @Override
    public Integer call() {
        Zipcodes.write(dir.resolve("zipcodes"));
        IotEvents.write(dir.resolve("iot"));
        Activity.write(dir.resolve("activity"));
        System.out.println(
                "Wrote " + dir.resolve("zipcodes") + ", " + dir.resolve("iot") + " and " + dir.resolve("activity"));
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Generate()).execute(args));
    }
}
