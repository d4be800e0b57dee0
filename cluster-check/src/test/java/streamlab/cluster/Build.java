package streamlab.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What the build hands the tests: system properties set in cluster-check/pom.xml. */
final class Build {

    private Build() {}

    /** A file or folder the build names in {@code property}. */
    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("The system property " + property + " is not set: run this test through"
                    + " Maven, after the labs are packaged: ./mvnw -pl cluster-check -am verify");
        }
        return Path.of(value);
    }

    /** The jar spark-submit gets for one lab. */
    static Path labJar(String lab) {
        Path jar = path("streamlab.cluster." + lab + "-jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    "No " + jar + ": package the labs first (./mvnw -pl cluster-check -am verify).");
        }
        return jar;
    }

    /** Spark's jars, as the build resolved them. */
    static List<Path> sparkJars() throws IOException {
        String classPath =
                Files.readString(path("streamlab.cluster.spark-classpath")).strip();
        return Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).toList();
    }

    /** Spark's Java 17 module options, one a line in .mvn/spark-jvm.options (# starts a comment). */
    static List<String> sparkJvmOptions() throws IOException {
        return Files.readAllLines(path("streamlab.cluster.jvm-options")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Where the cluster's JVMs write their logs (and the Worker its executors' folders). */
    static Path logs() {
        return path("streamlab.cluster.logs");
    }
}
