package streamlab.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A line that says what machine the figures come from. */
final class Machine {

    private Machine() {}

    static String describe(String sparkVersion, String master) {
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), Java "
                + System.getProperty("java.version") + ", Spark " + sparkVersion + " on " + master;
    }

    /** The "model name" of /proc/cpuinfo on Linux, else the architecture. */
    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (Stream<String> lines = Files.lines(cpuinfo)) {
                return lines.filter(line -> line.startsWith("model name"))
                        .map(line -> line.substring(line.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse(System.getProperty("os.arch"));
            } catch (IOException | RuntimeException e) {
                // fall back to the architecture
            }
        }
        return System.getProperty("os.arch");
    }
}
