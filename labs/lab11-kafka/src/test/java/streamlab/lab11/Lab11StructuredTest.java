package streamlab.lab11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static streamlab.harness.Rows.none;
import static streamlab.harness.Rows.row;
import static streamlab.harness.Rows.rows;
import static streamlab.lab11.KafkaInput.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import streamlab.harness.LabTest;
import streamlab.harness.Rows;
import streamlab.harness.StructuredScript;
import streamlab.harness.TestSpark;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.SharedBroker;
import streamlab.kafka.Topics;
import streamlab.support.Api;

@LabTest(lab = "11", api = Api.STRUCTURED)
@ExtendWith(SharedBroker.class)
class Lab11StructuredTest {

    // ---- without a broker: functions of Kafka records (a memory stream with the Kafka source's columns) ----

    @Test
    void as_text_casts_key_and_value_to_strings_and_keeps_where_each_record_came_from() {
        KafkaInput.records(
                        List.of(
                                record("lines", 0, 0, "Hello, world"),
                                KafkaRecord.of("lines", 1, 0, "k1", "cafés 東京"),
                                record("lines", 0, 1, "")),
                        List.of(KafkaRecord.of("other", 0, 7, "k2", "to be")))
                .title("Lab 11 KafkaWordCountsStructured.asText")
                .run(KafkaWordCountsStructured::asText)
                .assertBatches(
                        rows(
                                row(null, "Hello, world", "lines", 0, 0),
                                row("k1", "cafés 東京", "lines", 1, 0),
                                row(null, "", "lines", 0, 1)),
                        rows(row("k2", "to be", "other", 0, 7)))
                .assertColumns("key", "value", "topic", "partition", "offset");
    }

    @Test
    void word_counts_add_up_each_word_over_every_partition_and_batch() {
        KafkaInput.records(
                        List.of(
                                record("lines", 0, 0, "to be"),
                                record("lines", 1, 0, "or not to be"),
                                record("lines", 0, 1, "To")),
                        List.of(),
                        List.of(record("lines", 1, 1, "be BE"), record("words", 0, 0, "be!")))
                .title("Lab 11 KafkaWordCountsStructured.wordCounts")
                .outputMode("update")
                .run(KafkaWordCountsStructured::wordCounts)
                .assertBatches(
                        rows(row("to", 3), row("be", 2), row("or", 1), row("not", 1)), none(), rows(row("be", 5)))
                .assertColumns("word", "count");
    }

    @Test
    void word_counts_find_no_words_in_a_record_without_a_value() {
        KafkaInput.records(
                        List.of(record("lines", 0, 0, "a b"), KafkaRecord.of("lines", 1, 0, "deleted", null)),
                        List.of(KafkaRecord.of("lines", 1, 1, "deleted", null)))
                .title("Lab 11 KafkaWordCountsStructured.wordCounts, with tombstones (records whose value is null)")
                .outputMode("complete")
                .run(KafkaWordCountsStructured::wordCounts)
                .assertBatches(rows(row("a", 1), row("b", 1)), rows(row("a", 1), row("b", 1)));
    }

    @Test
    void to_kafka_sends_the_word_as_key_and_the_count_as_text_only_for_the_words_that_changed() {
        KafkaInput.records(
                        List.of(record("lines", 0, 0, "a b a"), record("lines", 1, 0, "b")),
                        List.of(record("lines", 0, 1, "c")),
                        List.of(record("lines", 1, 1, "A")))
                .title("Lab 11 KafkaWordCountsStructured.toKafka, the rows it sends to the sink")
                .runWriter(records -> KafkaWordCountsStructured.toKafka(records, "127.0.0.1:9", "word-counts"))
                .assertBatches(rows(row("a", "2"), row("b", "2")), rows(row("c", "1")), rows(row("a", "3")))
                .assertColumns("key", "value");
    }

    // ---- with a broker: which records a query reads ----

    @Test
    void subscribe_reads_every_partition_of_a_topic_from_the_earliest_record(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("lines");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "a0", "a1"));
        topics.send(KafkaInput.values(topic, 1, "b0"));
        StructuredScript.from(spark -> KafkaSourcesStructured.subscribe(KafkaInput.stream(spark, broker), topic))
                .then(
                        "(nothing: a0, a1 in partition 0 and b0 in partition 1 were sent before the query started)",
                        () -> {})
                .then("send a2 to partition 0, b1 to partition 1", () -> {
                    topics.send(KafkaInput.values(topic, 0, "a2"));
                    topics.send(KafkaInput.values(topic, 1, "b1"));
                })
                .title("Lab 11 KafkaSourcesStructured.subscribe(" + topic
                        + "), rows as (key, value, topic, partition, offset)")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(row(null, "a0", topic, 0, 0), row(null, "a1", topic, 0, 1), row(null, "b0", topic, 1, 0)),
                        rows(row(null, "a2", topic, 0, 2), row(null, "b1", topic, 1, 1)));
    }

    @Test
    void subscribe_to_several_topics_reads_each_of_them(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String first = KafkaInput.newTopic("first");
        String second = KafkaInput.newTopic("second");
        String other = KafkaInput.newTopic("other");
        topics.create(first, 2);
        topics.create(second, 1);
        topics.create(other, 1);
        topics.send(KafkaInput.values(first, 1, "f0"));
        topics.send(KafkaInput.values(second, 0, "s0"));
        topics.send(KafkaInput.values(other, 0, "o0"));
        StructuredScript.from(
                        spark -> KafkaSourcesStructured.subscribe(KafkaInput.stream(spark, broker), first, second))
                .then(
                        "(nothing: f0 in " + first + ", s0 in " + second + ", o0 in " + other + " were sent before)",
                        () -> {})
                .then("send f1 to " + first + " partition 0, s1 to " + second, () -> {
                    topics.send(KafkaInput.values(first, 0, "f1"));
                    topics.send(KafkaInput.values(second, 0, "s1"));
                })
                .title("Lab 11 KafkaSourcesStructured.subscribe(" + first + ", " + second + ")")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(row(null, "f0", first, 1, 0), row(null, "s0", second, 0, 0)),
                        rows(row(null, "f1", first, 0, 0), row(null, "s1", second, 0, 1)));
    }

    @Test
    void subscribe_pattern_reads_every_topic_whose_name_matches_also_one_made_later(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String shop = KafkaInput.newTopic("shop");
        topics.create(shop + ".eu", 1);
        topics.create(shop + ".us", 1);
        topics.create(shop + "-archive", 1);
        topics.send(KafkaInput.values(shop + ".eu", 0, "eu0"));
        topics.send(KafkaInput.values(shop + ".us", 0, "us0"));
        topics.send(KafkaInput.values(shop + "-archive", 0, "old0"));
        String regex = shop + "\\..*";
        StructuredScript.from(spark -> KafkaSourcesStructured.subscribePattern(KafkaInput.stream(spark, broker), regex))
                .then("(nothing: eu0, us0 and old0 were sent before the query started)", () -> {})
                .then("make the topic " + shop + ".asia, send asia0 to it and old1 to " + shop + "-archive", () -> {
                    topics.create(shop + ".asia", 1);
                    topics.send(KafkaInput.values(shop + ".asia", 0, "asia0"));
                    topics.send(KafkaInput.values(shop + "-archive", 0, "old1"));
                })
                .title("Lab 11 KafkaSourcesStructured.subscribePattern(\"" + regex + "\"), topics " + shop + ".eu, "
                        + shop + ".us, " + shop + "-archive")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(row(null, "eu0", shop + ".eu", 0, 0), row(null, "us0", shop + ".us", 0, 0)),
                        rows(row(null, "asia0", shop + ".asia", 0, 0)));
    }

    @Test
    void assign_reads_only_the_partitions_it_is_given(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("orders");
        topics.create(topic, 3);
        topics.send(KafkaInput.values(topic, 0, "x0"));
        topics.send(KafkaInput.values(topic, 1, "y0"));
        topics.send(KafkaInput.values(topic, 2, "z0", "z1"));
        StructuredScript.from(spark ->
                        KafkaSourcesStructured.assign(KafkaInput.stream(spark, broker), Map.of(topic, List.of(0, 2))))
                .then("(nothing: x0 in partition 0, y0 in 1, z0 and z1 in 2 were sent before)", () -> {})
                .then("send y1 to partition 1, z2 to partition 2", () -> {
                    topics.send(KafkaInput.values(topic, 1, "y1"));
                    topics.send(KafkaInput.values(topic, 2, "z2"));
                })
                .title("Lab 11 KafkaSourcesStructured.assign({" + topic + ": [0, 2]}), a topic of 3 partitions")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(row(null, "x0", topic, 0, 0), row(null, "z0", topic, 2, 0), row(null, "z1", topic, 2, 1)),
                        rows(row(null, "z2", topic, 2, 2)));
    }

    @Test
    void new_records_only_skips_what_the_topic_held_before_the_query_started(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("news");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "old0"));
        topics.send(KafkaInput.values(topic, 1, "old1"));
        StructuredScript.from(spark -> KafkaSourcesStructured.newRecordsOnly(KafkaInput.stream(spark, broker), topic))
                .then("(nothing: old0 and old1 were sent before the query started)", () -> {})
                .then("send new0 to partition 0, new1 to partition 1", () -> {
                    topics.send(KafkaInput.values(topic, 0, "new0"));
                    topics.send(KafkaInput.values(topic, 1, "new1"));
                })
                .title("Lab 11 KafkaSourcesStructured.newRecordsOnly(" + topic + ")")
                .run(KafkaInput::text)
                .assertBatches(none(), rows(row(null, "new0", topic, 0, 1), row(null, "new1", topic, 1, 1)));
    }

    @Test
    void from_offsets_starts_each_partition_at_its_own_offset(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("replay");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "a0", "a1", "a2", "a3"));
        topics.send(KafkaInput.values(topic, 1, "b0", "b1"));
        StructuredScript.from(spark -> KafkaSourcesStructured.fromOffsets(
                        KafkaInput.stream(spark, broker), topic, Map.of(0, 2L, 1, -2L)))
                .then("(nothing: a0..a3 in partition 0 and b0, b1 in partition 1 were sent before)", () -> {})
                .then("send a4 to partition 0", () -> topics.send(KafkaInput.values(topic, 0, "a4")))
                .title("Lab 11 KafkaSourcesStructured.fromOffsets(" + topic + ", {0: 2, 1: -2})")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(
                                row(null, "a2", topic, 0, 2),
                                row(null, "a3", topic, 0, 3),
                                row(null, "b0", topic, 1, 0),
                                row(null, "b1", topic, 1, 1)),
                        rows(row(null, "a4", topic, 0, 4)));
    }

    @Test
    void range_is_a_batch_read_from_the_starting_to_the_ending_offsets(KafkaBroker broker) {
        Topics topics = new Topics(broker);
        String topic = KafkaInput.newTopic("history");
        topics.create(topic, 2);
        topics.send(KafkaInput.values(topic, 0, "a0", "a1", "a2", "a3", "a4"));
        topics.send(KafkaInput.values(topic, 1, "b0", "b1", "b2"));
        Dataset<Row> range = KafkaSourcesStructured.range(
                KafkaInput.batch(TestSpark.session(), broker), topic, Map.of(0, 1L, 1, -2L), Map.of(0, 3L, 1, -1L));
        assertThat(range.isStreaming())
                .as("range(...) is a batch read (spark.read()), not a stream")
                .isFalse();
        List<List<Object>> read = new ArrayList<>();
        for (Row r : KafkaInput.text(range).collectAsList()) {
            read.add(Rows.asRow(r));
        }
        assertThat(read)
                .as("Lab 11 KafkaSourcesStructured.range(" + topic + ", from {0: 1, 1: -2}, until {0: 3,"
                        + " 1: -1}) of a0..a4 in partition 0 and b0..b2 in partition 1, rows as (key, value, topic,"
                        + " partition, offset)")
                .containsExactlyInAnyOrder(
                        row(null, "a1", topic, 0, 1),
                        row(null, "a2", topic, 0, 2),
                        row(null, "b0", topic, 1, 0),
                        row(null, "b1", topic, 1, 1),
                        row(null, "b2", topic, 1, 2));
    }

    // ---- records gone before the query read them: failOnDataLoss ----

    private static StructuredScript lossScript(KafkaBroker broker, String topic, StructuredScript script) {
        Topics topics = new Topics(broker);
        return script.then(
                        "send r0..r3 (a query starts, reads them, stops)",
                        () -> topics.send(KafkaInput.values(topic, 0, "r0", "r1", "r2", "r3")))
                .then("send r4..r7, delete the records before offset 6 (r0..r5), start the query again", () -> {
                    topics.send(KafkaInput.values(topic, 0, "r4", "r5", "r6", "r7"));
                    KafkaInput.deleteBefore(broker, topic, 0, 6);
                })
                .restartEachStep();
    }

    @Test
    void a_query_stops_when_records_it_has_not_read_yet_are_gone(KafkaBroker broker) {
        String topic = KafkaInput.newTopic("aged");
        new Topics(broker).create(topic, 1);
        StructuredScript script = lossScript(
                        broker,
                        topic,
                        StructuredScript.from(
                                spark -> KafkaSourcesStructured.subscribe(KafkaInput.stream(spark, broker), topic)))
                .title("Lab 11 KafkaSourcesStructured.subscribe(" + topic + "): failOnDataLoss is true unless set");
        assertThatThrownBy(() -> script.run(KafkaInput::text))
                .as("r4 and r5 were deleted before the query read them: Spark's Kafka source must stop the query")
                .hasMessageContaining("Some data may have been lost because they are not available in Kafka any more")
                .hasMessageContaining("failOnDataLoss");
    }

    @Test
    void skipping_lost_records_carries_on_with_what_is_still_there(KafkaBroker broker) {
        String topic = KafkaInput.newTopic("aged");
        new Topics(broker).create(topic, 1);
        lossScript(
                        broker,
                        topic,
                        StructuredScript.from(spark ->
                                KafkaSourcesStructured.skippingLostRecords(KafkaInput.stream(spark, broker), topic)))
                .title("Lab 11 KafkaSourcesStructured.skippingLostRecords(" + topic + ")")
                .run(KafkaInput::text)
                .assertBatches(
                        rows(
                                row(null, "r0", topic, 0, 0),
                                row(null, "r1", topic, 0, 1),
                                row(null, "r2", topic, 0, 2),
                                row(null, "r3", topic, 0, 3)),
                        rows(row(null, "r6", topic, 0, 6), row(null, "r7", topic, 0, 7)));
    }

    // ---- with a broker: word counts back to a topic ----

    @Test
    void to_kafka_writes_one_record_per_changed_count_to_the_topic(KafkaBroker broker) throws Exception {
        Topics topics = new Topics(broker);
        String lines = KafkaInput.newTopic("lines");
        String counts = KafkaInput.newTopic("word-counts");
        topics.create(lines, 2);
        topics.create(counts, 1);
        topics.send(KafkaInput.values(lines, 0, "to be or"));
        topics.send(KafkaInput.values(lines, 1, "not to be"));
        try (TopicRun run = TopicRun.start(
                "Lab 11 KafkaWordCountsStructured.toKafka(" + lines + " -> " + counts + ")",
                broker,
                counts,
                spark -> KafkaWordCountsStructured.toKafka(
                        KafkaInput.stream(spark, broker)
                                .option("subscribe", lines)
                                .option("startingOffsets", "earliest")
                                .load(),
                        broker.bootstrapServers(),
                        counts))) {
            run.step(
                            "(nothing: \"to be or\" in partition 0 and \"not to be\" in partition 1 were sent before the"
                                    + " query started)",
                            () -> {})
                    .step("send \"Be!\" to partition 1", () -> topics.send(KafkaInput.values(lines, 1, "Be!")))
                    .assertSteps(
                            rows(row("to", "2"), row("be", "2"), row("or", "1"), row("not", "1")),
                            rows(row("be", "3")));
        }
    }

    // ---- mirror: the Kafka sink's topic column ----

    @Test
    void mirror_copies_every_record_to_its_own_topic_and_the_suffix_with_its_key(KafkaBroker broker) throws Exception {
        Topics topics = new Topics(broker);
        String lines = KafkaInput.newTopic("lines");
        String words = KafkaInput.newTopic("words");
        topics.create(lines, 2);
        topics.create(words, 1);
        String sent = KafkaInput.sendToMirror(topics, lines, words);
        var writer = KafkaWordCountsStructured.mirror(
                KafkaInput.stream(TestSpark.session(), broker)
                        .option("subscribe", lines + "," + words)
                        .option("startingOffsets", "earliest")
                        .load(),
                broker.bootstrapServers(),
                "-copy");
        assertThat(writer).as("mirror must return a DataStreamWriter, not null").isNotNull();
        // AvailableNow: the records there at the start, then the query ends, even one that feeds its own input
        var query = writer.option(
                        "checkpointLocation", TestSpark.newDirectory("mirror-").toString())
                .trigger(Trigger.AvailableNow())
                .start();
        try {
            query.awaitTermination();
        } finally {
            query.stop();
        }
        assertThat(KafkaInput.holdings(topics, lines, words, lines + "-copy", words + "-copy"))
                .as("Lab 11 KafkaWordCountsStructured.mirror(subscribe " + lines + "," + words + ", \"-copy\"): " + sent
                        + "; what each topic holds (key=value) after the query read them (AvailableNow)")
                .isEqualTo(KafkaInput.mirrored(lines, words));
    }
}
