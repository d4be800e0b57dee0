package streamlab.lab12;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import streamlab.kafka.Topics;
import streamlab.support.FileFeeder;

/**
 * Sends the IoT events of a folder's files to a topic, one file's events every few seconds, keyed by
 * device (so a device's events stay in one partition, in order). The events the topic holds already
 * (sent by an earlier run) are not sent again: a program started again goes on where it stopped.
 */
final class KafkaFeeder implements AutoCloseable {

    private final Topics topics;
    private final String topic;
    private final Deque<List<String>> waiting;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-feeder");
        t.setDaemon(true);
        return t;
    });

    private KafkaFeeder(Topics topics, String topic, Deque<List<String>> waiting) {
        this.topics = topics;
        this.topic = topic;
        this.waiting = waiting;
    }

    /** A feeder of the events of {@code from} that {@code topic} does not hold yet. */
    static KafkaFeeder of(Path from, String bootstrapServers, String topic) throws IOException {
        Topics topics = new Topics(bootstrapServers);
        int held = topics.readAll(topic).size();
        Deque<List<String>> waiting = new ArrayDeque<>();
        int skipped = 0;
        for (Path file : FileFeeder.jsonFiles(from)) {
            List<String> events = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (skipped < held) {
                    skipped++;
                } else if (!line.isBlank()) {
                    events.add(line);
                }
            }
            if (!events.isEmpty()) {
                waiting.add(events);
            }
        }
        if (held > 0) {
            System.out.println("== " + topic + " holds " + held + " events already (an earlier run sent them): going on"
                    + " with the " + waiting.stream().mapToInt(List::size).sum() + " others");
        }
        return new KafkaFeeder(topics, topic, waiting);
    }

    /** Creates the topics that do not exist yet, with two partitions each. */
    static void createTopics(String bootstrapServers, String... names) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, 2, (short) 1));
                }
            }
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot create the topics at " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends the next file's events every {@code seconds}, the first ones at once. */
    void start(int seconds) {
        timer.scheduleAtFixedRate(
                () -> {
                    List<String> events = waiting.poll();
                    if (events == null) {
                        timer.shutdown();
                        return;
                    }
                    List<ProducerRecord<String, String>> records = new ArrayList<>();
                    for (String event : events) {
                        records.add(new ProducerRecord<>(
                                topic,
                                IotEvent.parse(event).map(IotEvent::deviceId).orElse(null),
                                event));
                    }
                    topics.send(records);
                    System.out.println("== sent " + records.size() + " events to " + topic
                            + (waiting.isEmpty() ? " (the last ones)" : ""));
                },
                0,
                seconds,
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
