package streamlab.lab11;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.SharedBroker;
import streamlab.support.LabMain;

/**
 * Lab11 refuses what it cannot use before Spark starts: a broker that does not answer, option values
 * Kafka or the program does not take, another query's checkpoint. Given code, not graded: it calls
 * none of your exercises.
 */
@ExtendWith(SharedBroker.class)
class Lab11ProgramTest {

    /** Runs Lab11 with {@code args}, which it must refuse (exit status 2); returns the one line it wrote to stderr. */
    private static String refusal(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            status = LabMain.exitCode(new Lab11(), args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String text = said.toString(StandardCharsets.UTF_8).strip();
        String command = "Lab11 " + String.join(" ", args);
        assertThat(status).as("%s: exit status (it said: %s)", command, text).isEqualTo(2);
        assertThat(text.lines()).as("%s: one line, no stack trace", command).hasSize(1);
        return text;
    }

    @Test
    void a_broker_that_does_not_answer_is_named_after_seconds_where_spark_would_wait_minutes() throws IOException {
        long start = System.nanoTime();
        assertThat(refusal("--bootstrap-servers", "127.0.0.1:1"))
                .startsWith("No Kafka broker answers at 127.0.0.1:1 (nothing listens there): start one there, or leave"
                        + " out --bootstrap-servers and the lab starts its own");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("time until Lab11 gave up on a closed port")
                .isLessThan(Duration.ofSeconds(2));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) { // takes, never answers
            String address = "127.0.0.1:" + silent.getLocalPort();
            assertThat(refusal("--bootstrap-servers", address))
                    .startsWith("No Kafka broker answers at " + address
                            + " (something listens there, but gave no Kafka answer within " + KafkaSetup.ANSWER_SECONDS
                            + " s)");
        }
        assertThat(refusal("--bootstrap-servers", "localhost"))
                .startsWith("--bootstrap-servers localhost is not a list of HOST:PORT addresses");
    }

    @Test
    void topics_offsets_and_sources_it_cannot_use() {
        assertThat(refusal("--starting-offsets", "beginning"))
                .isEqualTo("--starting-offsets must be earliest, latest,"
                        + " or an offset for each partition such as 0:10,1:-2, not \"beginning\".");
        assertThat(refusal("--output-topic", "lines"))
                .startsWith("--output-topic must differ from --input-topic (lines)");
        assertThat(refusal("--input-topic", "my lines")).startsWith("\"my lines\" is not a Kafka topic name");
        assertThat(refusal("--pattern", "lines.*", "--partitions", "0"))
                .startsWith("--pattern, --partitions, --skip-lost-records and --starting-offsets each choose");
        assertThat(refusal("--pattern", "lines[")).startsWith("--pattern lines[ is not a regular expression");
        assertThat(refusal("--rate", "0")).isEqualTo("--rate must be more than 0 lines per second, not 0.0.");
        assertThat(refusal("--input-file", "no/such/file.txt"))
                .startsWith("Cannot read no/such/file.txt: no such file");
        assertThat(refusal("--replay", "datasets/lines/hamlet.txt"))
                .startsWith("Lab 11 reads Kafka, not a line server");
    }

    @Test
    void the_checkpoint_of_a_query_on_other_topics_or_another_source(KafkaBroker broker, @TempDir Path dir)
            throws IOException {
        Path structured = Files.createDirectories(dir.resolve("structured"));
        Files.createDirectories(structured.resolve("offsets"));
        Files.writeString(structured.resolve("metadata"), "{\"id\":\"6f1c0c8e-another-query\"}");
        Path firstOffsets =
                Files.createDirectories(structured.resolve("sources/0")).resolve("0");
        Files.writeString(firstOffsets, "v1\n{\"orders\":{\"0\":0,\"1\":0}}"); // what the Kafka source writes first
        String[] args = {
            "--bootstrap-servers",
            broker.bootstrapServers(),
            "--checkpoint",
            dir.toString(),
            "--input-topic",
            KafkaInput.newTopic("lines"),
            "--output-topic",
            KafkaInput.newTopic("counts")
        };
        assertThat(refusal(args))
                .isEqualTo("The checkpoint folder " + structured + " belongs to another query (it"
                        + " reads the topics [orders]): give another --checkpoint, or delete the folder.");
        Files.delete(firstOffsets); // a file source, a rate source: no topics there
        assertThat(refusal(args)).contains("belongs to another query (one that does not read Kafka)");
    }
}
