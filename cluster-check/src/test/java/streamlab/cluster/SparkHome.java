package streamlab.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The smallest Spark home a Worker can launch executors from. The Worker builds an executor's command
 * line with Spark's launcher, which puts {@code SPARK_HOME/conf} and {@code SPARK_HOME/jars/*} on its
 * class path (and needs {@code SPARK_SCALA_VERSION}, which Spark's own scripts set, outside a source
 * tree). So: a {@code jars} folder of links to the Spark jars the build already has, and an empty
 * {@code conf}.
 */
final class SparkHome {

    private SparkHome() {}

    /** Makes {@code dir} a Spark home with {@code jars} linked (copied where links cannot be made). */
    static Path create(Path dir, List<Path> jars) throws IOException {
        Path jarsDir = Files.createDirectories(dir.resolve("jars"));
        Files.createDirectories(dir.resolve("conf"));
        for (Path jar : jars) {
            Path link = jarsDir.resolve(jar.getFileName());
            try {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            } catch (FileAlreadyExistsException sameName) {
                throw new IllegalStateException(
                        "Two Spark jars are named " + jar.getFileName() + ": " + jar + " and " + link.toRealPath(),
                        sameName);
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.copy(jar, link);
            }
        }
        return dir;
    }

    /** The class path of a Spark daemon or of spark-submit: as Spark's own scripts give it. */
    static String classPath(Path home) {
        return home.resolve("conf")
                + File.separator
                + File.pathSeparator
                + home.resolve("jars").resolve("*");
    }
}
