package streamlab.lab11;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import streamlab.harness.LabTest;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.SharedBroker;
import streamlab.kafka.Topics;
import streamlab.support.Api;

/** The direct Kafka stream: what each batch read, its output, and its commit after the output. */
@LabTest(lab = "11", api = Api.DSTREAM)
@ExtendWith(SharedBroker.class)
class Lab11DirectDStreamTest {

    @Test
    void each_batch_writes_the_word_counts_of_the_offset_ranges_it_read_then_commits_those_ranges(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("direct");
        topics.create(topic, 2);
        try (DirectRun run = DirectRun.start(broker, topic, 2, KafkaInput.newTopic("group"))) {
            topics.send(KafkaInput.values(topic, 0, "to be", "or not"));
            topics.send(KafkaInput.values(topic, 1, "to BE"));
            run.runBatch();
            run.runBatch(); // nothing was sent: an empty batch, still with a range per partition
            topics.send(KafkaInput.values(topic, 1, "kafka", "Kafka spark"));
            run.runBatch();
            String sent = "sent: \"to be\", \"or not\" to partition 0 and \"to BE\" to partition 1 before batch 1;"
                    + " nothing before batch 2; \"kafka\", \"Kafka spark\" to partition 1 before batch 3";
            assertThat(run.outputs())
                    .as(run.report(sent + ". Every batch writes its counts and its ranges to output"))
                    .containsExactly(
                            new DirectRun.Event(
                                    "output",
                                    1000,
                                    List.of("p0 0..2", "p1 0..1"),
                                    Map.of("be", 2L, "not", 1L, "or", 1L, "to", 2L)),
                            new DirectRun.Event("output", 2000, List.of("p0 2..2", "p1 1..1"), Map.of()),
                            new DirectRun.Event(
                                    "output", 3000, List.of("p0 2..2", "p1 1..3"), Map.of("kafka", 2L, "spark", 1L)));
            assertThat(run.commits())
                    .as(run.report(sent + ". Each batch commits the ranges it read, of every" + " partition, once"))
                    .extracting(DirectRun.Event::ranges)
                    .containsExactly(
                            List.of("p0 0..2", "p1 0..1"),
                            List.of("p0 2..2", "p1 1..1"),
                            List.of("p0 2..2", "p1 1..3"));
        }
    }

    @Test
    void a_batch_commits_its_offsets_only_after_its_output_is_written(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("order");
        topics.create(topic, 2);
        try (DirectRun run = DirectRun.start(broker, topic, 2, KafkaInput.newTopic("group"))) {
            topics.send(KafkaInput.values(topic, 0, "first"));
            topics.send(KafkaInput.values(topic, 1, "second"));
            run.runBatch();
            topics.send(KafkaInput.values(topic, 0, "third"));
            run.runBatch();
            assertThat(run.events())
                    .as(run.report("sent: \"first\" to partition 0 and \"second\" to partition 1"
                            + " before batch 1, \"third\" to partition 0 before batch 2. A commit before the output"
                            + " loses the batch if the program dies in between: output first, then commit"))
                    .extracting(DirectRun.Event::kind)
                    .containsExactly("output", "commit", "output", "commit");
        }
    }

    @Test
    void mirror_copies_every_record_of_a_batch_to_its_own_topic_and_the_suffix_before_the_batch_ends(
            KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String lines = KafkaInput.newTopic("lines");
        String words = KafkaInput.newTopic("words");
        topics.create(lines, 2);
        topics.create(words, 1);
        List<TopicPartition> assigned =
                List.of(new TopicPartition(lines, 0), new TopicPartition(lines, 1), new TopicPartition(words, 0));
        try (DirectRun run = DirectRun.mirror(broker, assigned, KafkaInput.newTopic("group"), "-copy")) {
            String sent = KafkaInput.sendToMirror(topics, lines, words) + ", then one batch ran";
            run.runBatch();
            assertThat(KafkaInput.holdings(topics, lines, words, lines + "-copy", words + "-copy"))
                    .as(run.report(sent + ". What each topic holds (key=value) when the batch has ended"))
                    .isEqualTo(KafkaInput.mirrored(lines, words));
            topics.send(List.of(KafkaInput.keyed(words, 0, "k3", "or")));
            run.runBatch();
            assertThat(KafkaInput.holdings(topics, words + "-copy"))
                    .as(run.report("then k3=or sent to " + words + ", and a second batch ran. What " + words
                            + "-copy holds then"))
                    .isEqualTo(Map.of(words + "-copy", List.of("k2=be", "k3=or")));
        }
    }
}
