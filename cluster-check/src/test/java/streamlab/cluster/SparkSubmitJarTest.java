package streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a lab's spark-submit jar holds: the lab, lab-support, netcat-sim, picocli and the lab's own
 * libraries, and not one class that spark-submit puts on the classpath itself (Spark and every jar it
 * brings: Scala, Hadoop, Jackson, Netty, their logging ...).
 */
class SparkSubmitJarTest {

    /** Every class in Spark's jars, as the build resolved them (what a Spark distribution's jars/ holds). */
    private static Set<String> sparkClasses;

    @BeforeAll
    static void readSparkJars() throws IOException {
        sparkClasses = new HashSet<>();
        for (Path jar : Build.sparkJars()) {
            sparkClasses.addAll(classes(jar));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab01", "lab10"})
    void aLabJarHasNoClassThatSparkSubmitProvides(String lab) throws IOException {
        Path jar = Build.labJar(lab);

        Set<String> packages = new TreeSet<>();
        for (String name : classes(jar)) {
            if (sparkClasses.contains(name)) {
                packages.add(name.substring(0, name.lastIndexOf('/')));
            }
        }
        assertThat(packages)
                .as("packages of %s with classes that Spark's own jars have too", jar)
                .isEmpty();
        assertThat(entries(jar))
                .as("entries of %s", jar)
                .noneMatch(name -> name.startsWith("org/apache/spark/") || name.startsWith("scala/"));
    }

    @Test
    void lab01JarHasTheLabAndWhatItNeeds() throws IOException {
        Path jar = Build.labJar("lab01");

        assertThat(entries(jar))
                .contains(
                        "streamlab/lab01/Lab01.class",
                        "streamlab/lab01/WordCountDStream.class",
                        "streamlab/support/LabSpark.class",
                        "streamlab/netcat/NetcatServer.class",
                        "picocli/CommandLine.class",
                        "com/globalmentor/apache/hadoop/fs/BareLocalFileSystem.class");
        assertThat(Files.size(jar)).as("size of %s", jar).isLessThan(2_000_000);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("streamlab.lab01.Lab01");
        }
    }

    @Test
    void lab10JarHasItsDatabaseLibrariesWithBothJdbcDriversRegistered() throws IOException {
        Path jar = Build.labJar("lab10");

        assertThat(entries(jar))
                .contains(
                        "streamlab/lab10/Lab10.class",
                        "org/h2/Driver.class",
                        "com/zaxxer/hikari/HikariDataSource.class",
                        "org/postgresql/Driver.class");
        // two of its jars bring a META-INF/services/java.sql.Driver: the one merged file names both drivers
        assertThat(text(jar, "META-INF/services/java.sql.Driver")).contains("org.h2.Driver", "org.postgresql.Driver");
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    /** The jar's classes, without the module descriptors every modular jar has. */
    private static List<String> classes(Path jar) throws IOException {
        return entries(jar).stream()
                .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                .toList();
    }

    private static String text(Path jar, String entry) throws IOException {
        try (JarFile file = new JarFile(jar.toFile());
                InputStream in = file.getInputStream(file.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
