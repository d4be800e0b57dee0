package streamlab.lab11;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import org.apache.spark.util.ManualClock;
import streamlab.harness.TestSpark;
import streamlab.kafka.KafkaBroker;

/**
 * Given test code: {@link KafkaDirectDStream#countAndCommit} on a direct Kafka stream, run batch by batch on
 * Spark's ManualClock. The direct stream reads no records before a batch: when the clock reaches a batch's
 * time, it asks the broker for the latest offset of each partition, and the batch covers the records up to
 * it. So what a test sent before {@link #runBatch()} is exactly what that batch reads, on every run.
 *
 * <p>The stream is assigned the topic's partitions (no group rebalance to wait for) and starts at their
 * earliest offsets. What the exercise writes to its output and what it commits is recorded in one list,
 * in the order it happened; each commit is then passed on to the stream.
 */
final class DirectRun implements AutoCloseable {

    static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    /** What happened, in order: an output or a commit, with the offset ranges it named. */
    record Event(String kind, long batchMs, List<String> ranges, Map<String, Long> counts) {
        @Override
        public String toString() {
            return kind
                    + (kind.equals("output")
                            ? " of batch t=" + batchMs / 1000 + " s " + ranges + " " + counts
                            : " " + ranges);
        }
    }

    private static final Map<String, List<Event>> EVENTS = new ConcurrentHashMap<>();
    private static final Map<String, CanCommitOffsets> STREAMS = new ConcurrentHashMap<>();

    private final String title;
    private final String runId = UUID.randomUUID().toString();
    private final JavaStreamingContext ssc;
    private final Listener listener = new Listener();
    private int batches;

    private DirectRun(
            String title,
            KafkaBroker broker,
            List<TopicPartition> assigned,
            String group,
            BiConsumer<JavaInputDStream<ConsumerRecord<String, String>>, String> exercise) {
        this.title = title;
        EVENTS.put(runId, new ArrayList<>());
        ssc = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
        Map<String, Object> params = new HashMap<>();
        params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        params.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        params.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        JavaInputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(
                ssc,
                LocationStrategies.PreferConsistent(),
                ConsumerStrategies.<String, String>Assign(assigned, params));
        STREAMS.put(runId, (CanCommitOffsets) stream.inputDStream());
        exercise.accept(stream, runId);
        ssc.addStreamingListener(listener);
        ssc.start();
    }

    /** countAndCommit on the direct stream of {@code topic}'s partitions 0 .. partitions - 1. */
    static DirectRun start(KafkaBroker broker, String topic, int partitions, String group) {
        List<TopicPartition> assigned = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .toList();
        String title = "Lab 11 KafkaDirectDStream.countAndCommit(KafkaUtils.createDirectStream(ssc, ..., topic " + topic
                + " with " + partitions + " partitions, group " + group + "), stream, output), 1 s batches";
        return new DirectRun(
                title,
                broker,
                assigned,
                group,
                (stream, id) -> KafkaDirectDStream.countAndCommit(stream, new Recorder(id), (time, ranges, counts) -> {
                    Map<String, Long> sorted = new TreeMap<>();
                    // one count per word: a word handed over again shows as "word (again)"
                    counts.forEach(c ->
                            sorted.merge(sorted.containsKey(c._1()) ? c._1() + " (again)" : c._1(), c._2(), Long::sum));
                    record(id, new Event("output", time.milliseconds(), describe(ranges), sorted));
                }));
    }

    /** mirror(stream, the broker, suffix) on the direct stream of these partitions. */
    static DirectRun mirror(KafkaBroker broker, List<TopicPartition> assigned, String group, String suffix) {
        String title = "Lab 11 KafkaDirectDStream.mirror(KafkaUtils.createDirectStream(ssc, ..., " + assigned
                + "), brokers, \"" + suffix + "\"), 1 s batches";
        return new DirectRun(
                title,
                broker,
                assigned,
                group,
                (stream, id) -> KafkaDirectDStream.mirror(stream, broker.bootstrapServers(), suffix));
    }

    /** Moves the clock one batch on and waits until that batch has finished. */
    void runBatch() {
        ManualClock clock = (ManualClock) ssc.ssc().scheduler().clock();
        int before = listener.completed;
        clock.advance(1000);
        batches++;
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        while (listener.completed <= before) {
            if (listener.failure != null) {
                throw listener.failure;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        report("batch " + batches + " did not finish within " + TIME_LIMIT.toSeconds() + " s"));
            }
            try {
                ssc.awaitTerminationOrTimeout(5); // returns at once if the context stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(title + ": interrupted", e);
            }
        }
        if (listener.failure != null) {
            throw listener.failure;
        }
    }

    /** Everything recorded so far, in order. */
    List<Event> events() {
        List<Event> events = EVENTS.get(runId);
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    List<Event> outputs() {
        return events().stream().filter(e -> e.kind().equals("output")).toList();
    }

    List<Event> commits() {
        return events().stream().filter(e -> e.kind().equals("commit")).toList();
    }

    /** The run so far, for a failure message. */
    String report(String problem) {
        return title + "\n" + problem + "\nwhat happened, in order:\n"
                + events().stream().map(e -> "  " + e).collect(Collectors.joining("\n")) + "\n";
    }

    @Override
    public void close() {
        if (ssc.getState() == StreamingContextState.ACTIVE) {
            ssc.stop(false, false);
        }
        EVENTS.remove(runId);
        STREAMS.remove(runId);
    }

    /** A range as {@code topic-partition from..until}, sorted by partition. */
    static List<String> describe(OffsetRange[] ranges) {
        List<String> all = new ArrayList<>();
        for (OffsetRange r : ranges) {
            all.add("p" + r.partition() + " " + r.fromOffset() + ".." + r.untilOffset());
        }
        all.sort(null);
        return all;
    }

    private static void record(String runId, Event event) {
        List<Event> events = EVENTS.get(runId);
        if (events != null) {
            synchronized (events) {
                events.add(event);
            }
        }
    }

    /** The exercise's committer: records each commit, then hands it to the direct stream. */
    private record Recorder(String runId) implements CanCommitOffsets, java.io.Serializable {
        @Override
        public void commitAsync(OffsetRange[] offsetRanges) {
            record(runId, new Event("commit", -1, describe(offsetRanges), Map.of()));
            STREAMS.get(runId).commitAsync(offsetRanges);
        }

        @Override
        public void commitAsync(OffsetRange[] offsetRanges, OffsetCommitCallback callback) {
            record(runId, new Event("commit", -1, describe(offsetRanges), Map.of()));
            STREAMS.get(runId).commitAsync(offsetRanges, callback);
        }
    }

    private static final class Listener implements StreamingListener {
        volatile int completed;
        volatile RuntimeException failure;

        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted batchCompleted) {
            batchCompleted.batchInfo().outputOperationInfos().values().foreach(info -> {
                if (info.failureReason().isDefined() && failure == null) {
                    failure = new IllegalStateException(
                            "batch failed: " + info.failureReason().get());
                }
                return null;
            });
            completed++;
        }
    }
}
