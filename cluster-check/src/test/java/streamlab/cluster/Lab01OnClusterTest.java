package streamlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.cluster.StandaloneCluster.WAIT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import streamlab.netcat.NetcatServer;

/**
 * The README's "On a cluster" recipe, for real: lab 01's spark-submit jar runs on a Spark standalone
 * cluster (a Master and a Worker, each its own JVM; executors started by the Worker), submitted with
 * spark-submit's own entry point in client mode, and counts the words of a line sent by netcat-sim, in
 * both APIs. The DStream receiver runs on an executor and the Structured socket source in the driver:
 * both read the same line server.
 */
class Lab01OnClusterTest {

    /** One line, so that the DStream gets it in one batch: one record is never split between two. */
    private static final String LINE = "Spark runs the lab on a cluster, and the cluster runs Spark!";

    /** Its words and counts, by the course's tokenization rule (lower case; punctuation separates). */
    private static final Map<String, Integer> COUNTS =
            Map.of("spark", 2, "runs", 2, "the", 2, "cluster", 2, "lab", 1, "on", 1, "a", 1, "and", 1);

    @Test
    @SuppressWarnings("try") // StandaloneCluster.close() may throw InterruptedException: the test passes it on
    void theLab01JarCountsWordsInBothApisOnAStandaloneCluster(@TempDir Path tmp) throws Exception {
        List<String> jvmOptions = new ArrayList<>(Build.sparkJvmOptions());
        jvmOptions.add(
                "-XX:TieredStopAtLevel=1"); // short runs on 2 cores: C2's compile threads cost more than they give
        Path home = SparkHome.create(tmp.resolve("spark-home"), Build.sparkJars());

        try (NetcatServer lines =
                        NetcatServer.builder().bind("127.0.0.1").port(0).start();
                StandaloneCluster cluster = StandaloneCluster.start(home, Build.logs(), jvmOptions, 2, "1g")) {
            ChildJvm driver = cluster.submit(
                    "driver-lab01",
                    "1g",
                    List.of(
                            "--class",
                            "streamlab.lab01.Lab01",
                            "--conf",
                            "spark.executor.memory=512m",
                            "--conf",
                            "spark.cores.max=2",
                            "--conf",
                            "spark.sql.shuffle.partitions=2",
                            "--conf",
                            "spark.ui.enabled=false",
                            "--conf",
                            "spark.driver.host=127.0.0.1",
                            "--conf",
                            "spark.driver.extraJavaOptions=" + String.join(" ", jvmOptions),
                            "--conf",
                            "spark.executor.extraJavaOptions=" + String.join(" ", jvmOptions),
                            Build.labJar("lab01").toString(),
                            "--host",
                            "127.0.0.1",
                            "--port",
                            String.valueOf(lines.port()),
                            "--api",
                            "both",
                            "--batch",
                            "2",
                            "--seconds",
                            "600")); // a safety net: the test stops the driver as soon as it has seen the counts

            driver.awaitLine(
                    Pattern.compile("== Lab 01 network word count on " + Pattern.quote(cluster.masterUrl())), WAIT);
            driver.awaitLine(Pattern.compile("== running"), WAIT);
            assertThat(driver.lines()).as("the driver's output").noneMatch(line -> line.contains("part skipped"));
            assertThat(lines.awaitClients(2, WAIT))
                    .as(
                            "the DStream receiver (on an executor) and the Structured socket source (in the driver)"
                                    + " connect to the line server; connected: %d",
                            lines.clientCount())
                    .isTrue();
            lines.send(LINE);

            for (Map.Entry<String, Integer> count : COUNTS.entrySet()) {
                String word = Pattern.quote(count.getKey());
                int n = count.getValue();
                // DStream print(): (word,n) for the batch that had the line
                driver.awaitLine(Pattern.compile("^\\(" + word + "," + n + "\\)$"), WAIT);
                // the Structured console sink, complete mode: |word |n |
                driver.awaitLine(Pattern.compile("^\\|" + word + " *\\|" + n + " *\\|$"), WAIT);
            }
            assertThat(driver.lines())
                    .as("no word is counted that the line does not have")
                    .filteredOn(line -> line.matches("^\\(.*,\\d+\\)$"))
                    .hasSize(COUNTS.size());
            cluster.worker()
                    .awaitLine(
                            Pattern.compile("Asked to launch executor app-\\S+ for Lab 01 network word count"), WAIT);
        }
    }
}
