package streamlab.lab11;

import static org.assertj.core.api.Assertions.assertThat;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import streamlab.harness.DStreamScript;
import streamlab.harness.LabTest;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.SharedBroker;
import streamlab.kafka.Topics;
import streamlab.support.Api;

@LabTest(lab = "11", api = Api.DSTREAM)
@ExtendWith(SharedBroker.class)
class Lab11DStreamTest {

    private static ReceiverRun receive(KafkaBroker broker, String topic, String group, String startingOffsets) {
        return ReceiverRun.start(
                "Lab 11 ssc.receiverStream(new KafkaReceiver(" + broker.bootstrapServers() + ", " + topic + ", " + group
                        + ", " + startingOffsets + "))",
                ssc -> ssc.receiverStream(new KafkaReceiver(broker.bootstrapServers(), topic, group, startingOffsets)));
    }

    // ---- the receiver, with a broker ----

    @Test
    void the_receiver_brings_every_value_of_every_partition_into_the_stream(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("lines");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "a", "b"));
        topics.send(KafkaInput.values(topic, 1, "c"));
        try (ReceiverRun run = receive(broker, topic, KafkaInput.newTopic("group"), "earliest")) {
            assertThat(run.awaitValues(3))
                    .as(run.report("a, b in partition 0 and c in partition 1 were sent before"
                            + " the start: a new group starting at the earliest offsets receives them"))
                    .containsExactlyInAnyOrder("a", "b", "c");
            topics.send(KafkaInput.values(topic, 0, "d"));
            topics.send(KafkaInput.values(topic, 1, "e", "f"));
            assertThat(run.awaitValues(6))
                    .as(run.report("then d was sent to partition 0, e and f to partition 1"))
                    .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f");
        }
    }

    @Test
    void a_new_group_starting_at_the_latest_offsets_receives_only_what_comes_after_it_started(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("news");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "old-a"));
        topics.send(KafkaInput.values(topic, 1, "old-b"));
        AtomicInteger sent = new AtomicInteger();
        try (ReceiverRun run = receive(broker, topic, KafkaInput.newTopic("group"), "latest")) {
            // When the consumer has found its starting offsets is not visible from here: send a new value
            // before every batch until values come. Those sent too early are skipped, as they should be.
            List<String> values = run.runUntil(
                    v -> !v.isEmpty(),
                    () -> topics.send(KafkaInput.values(topic, sent.get() % 2, "new-" + sent.getAndIncrement())),
                    Duration.ofMillis(300),
                    "new values");
            assertThat(values)
                    .as(run.report("old-a and old-b were sent before the start; new-0, new-1, ... one before"
                            + " every batch after it"))
                    .allMatch(v -> v.startsWith("new-"));
        }
    }

    @Test
    void the_receiver_restarts_while_the_topic_does_not_exist_and_reads_it_once_it_does(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("later");
        try (ReceiverRun run = receive(broker, topic, KafkaInput.newTopic("group"), "earliest")) {
            run.awaitRestart(Duration.ofSeconds(10));
            topics.create(topic, 2);
            topics.send(KafkaInput.values(topic, 0, "x"));
            topics.send(KafkaInput.values(topic, 1, "y"));
            assertThat(run.awaitValues(2))
                    .as(run.report("the topic was made, and x, y sent to it, after the receiver"
                            + " had started and found no topic " + topic))
                    .containsExactlyInAnyOrder("x", "y");
        }
    }

    @Test
    void the_receiver_restarts_after_an_error_while_it_reads_and_reads_once_it_can(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("strict");
        String group = KafkaInput.newTopic("group");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "p", "q"));
        topics.send(KafkaInput.values(topic, 1, "r"));
        // "none": the consumer's first poll throws, as the group has no committed offsets to start from
        try (ReceiverRun run = receive(broker, topic, group, "none")) {
            run.awaitRestart(Duration.ofSeconds(10));
            commit(broker, group, Map.of(new TopicPartition(topic, 0), 1L, new TopicPartition(topic, 1), 0L));
            assertThat(run.awaitValues(2))
                    .as(run.report("p, q in partition 0 and r in partition 1 were sent before the"
                            + " start; the group had no offsets, so the receiver's poll failed; then offsets were committed for"
                            + " the group (1 in partition 0, 0 in partition 1). A receiver whose reading fails asks Spark to"
                            + " start it again (restart(...) in the catch), and the new one reads from there"))
                    .containsExactlyInAnyOrder("q", "r");
        }
    }

    /** Commits these offsets for {@code group}, as a consumer of the group that read up to them would. */
    private static void commit(KafkaBroker broker, String group, Map<TopicPartition, Long> offsets) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(commits);
        }
    }

    @Test
    void a_stopped_receiver_closes_its_consumer_and_the_next_one_of_its_group_goes_on_where_it_stopped(
            KafkaBroker broker) throws Exception {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("resume");
        String group = KafkaInput.newTopic("group");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "v1", "v2"));
        topics.send(KafkaInput.values(topic, 1, "v3"));
        try (ConsumersOfGroup consumers = ConsumersOfGroup.watch(group)) {
            try (ReceiverRun first = receive(broker, topic, group, "earliest")) {
                assertThat(first.awaitValues(3))
                        .as(first.report("the first receiver of group " + group))
                        .containsExactlyInAnyOrder("v1", "v2", "v3");
                assertThat(consumers.open())
                        .as("Kafka consumers of group " + group + " open while the receiver runs")
                        .isPositive();
            }
            assertThat(consumers.awaitNoneOpen(Duration.ofSeconds(10)))
                    .as("Kafka consumers of group " + group + " still open 10 s after the StreamingContext stopped:"
                            + " the receiving thread must end when isStopped() and close its consumer")
                    .isZero();
        }
        topics.send(KafkaInput.values(topic, 0, "v4"));
        topics.send(KafkaInput.values(topic, 1, "v5"));
        try (ReceiverRun second = receive(broker, topic, group, "earliest")) {
            assertThat(second.awaitValues(2))
                    .as(second.report("v1, v2, v3 were received by a receiver of group " + group
                            + " that then stopped; v4, v5 came after it. A new receiver of the same group goes on where the group"
                            + " stopped: commit the offsets to Kafka after store()"))
                    .containsExactlyInAnyOrder("v4", "v5");
        }
    }

    @Test
    void the_receiver_commits_only_offsets_of_values_spark_already_holds(KafkaBroker broker) throws Exception {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("handover");
        String group = KafkaInput.newTopic("group");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "h1", "h2"));
        topics.send(KafkaInput.values(topic, 1, "h3"));
        String input = "Lab 11 new KafkaReceiver(" + broker.bootstrapServers() + ", " + topic + ", " + group
                + ", earliest), run as an executor runs it; h1, h2 in partition 0 and h3 in partition 1 were sent before";
        HandOverRecord record = new HandOverRecord(
                new KafkaReceiver(broker.bootstrapServers(), topic, group, "earliest"),
                broker.bootstrapServers(),
                group);
        try (ConsumersOfGroup consumers = ConsumersOfGroup.watch(group)) {
            record.start();
            record.awaitHandedOver(3, ReceiverRun.TIME_LIMIT);
            record.failIfNotImplemented();
            record.stop("the test has what it needs", scala.Option.empty());
            // the reading thread ends after its current poll, committing what it stored, then closes its consumer
            consumers.awaitNoneOpen(Duration.ofSeconds(10));
            record.failIfNotImplemented();
            assertThat(record.handedOver())
                    .as(input + "\nthe receiver's calls of store: " + record.calls()
                            + "\nthe three values must be handed to Spark with store(...)")
                    .isEqualTo(3);
            record.checkAfterStop();
            assertThat(record.problems())
                    .as(input + "\nthe receiver's calls of store: " + record.calls()
                            + "\nA receiver may commit a value's offset only once Spark holds it: store(...) the values of a"
                            + " poll all at once (store of an iterator returns once Spark has them as a block), then commit."
                            + " Offsets committed before, or after a store(value) of one value (which only buffers it), are"
                            + " values lost when the receiver stops at the wrong moment")
                    .isEmpty();
        } finally {
            record.close();
        }
    }

    // ---- word counts of the values, without a broker ----

    @Test
    void word_counts_count_the_words_of_each_batch_on_their_own() {
        DStreamScript.lines(List.of("to be or", "not to be"), List.of(), List.of("To BE!"))
                .title("Lab 11 KafkaDStream.wordCounts")
                .runPairs(KafkaDStream::wordCounts)
                .assertBatches(
                        rows(row("to", 2), row("be", 2), row("or", 1), row("not", 1)),
                        none(),
                        rows(row("to", 1), row("be", 1)));
    }

    @Test
    void word_counts_add_up_a_word_that_came_in_both_partitions_of_a_batch() {
        DStreamScript.lines(List.of("kafka kafka", "kafka", "kafka spark", "Kafka"), List.of("spark", "spark"))
                .title("Lab 11 KafkaDStream.wordCounts, a batch spread over two partitions")
                .runPairs(KafkaDStream::wordCounts)
                .assertBatches(rows(row("kafka", 5), row("spark", 1)), rows(row("spark", 2)));
    }
}
