package streamlab.lab11;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import streamlab.kafka.Topics;

/**
 * Feeds the lines of a file into a topic at a steady rate, in a thread of its own (given code): what a
 * producer of real data would do, so that the lab runs with nothing else installed. Line i goes to
 * partition i mod the topic's partitions, without a key.
 */
final class LineFeeder implements AutoCloseable {

    private final Thread thread;
    private volatile boolean stopped;

    private LineFeeder(
            Path file,
            List<String> lines,
            String bootstrapServers,
            String topic,
            int partitions,
            double rate,
            boolean loop) {
        thread = new Thread(() -> feed(file, lines, bootstrapServers, topic, partitions, rate, loop), "line feeder");
        thread.setDaemon(true);
    }

    /** Starts feeding {@code file} into {@code topic}, {@code rate} lines a second, again and again with {@code loop}. */
    static LineFeeder start(
            Path file, String bootstrapServers, String topic, int partitions, double rate, boolean loop) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        LineFeeder feeder = new LineFeeder(file, lines, bootstrapServers, topic, partitions, rate, loop);
        System.out.println("== feeding " + file + " (" + lines.size() + " lines) into topic " + topic + " at " + rate
                + " lines/s" + (loop ? ", in a loop" : ""));
        feeder.thread.start();
        return feeder;
    }

    private void feed(
            Path file, List<String> lines, String servers, String topic, int partitions, double rate, boolean loop) {
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new Topics(servers).producer()) {
            do {
                for (String line : lines) {
                    long due = start + Math.round(sent * 1e9 / rate);
                    while (!stopped && System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    if (stopped) {
                        return;
                    }
                    producer.send(new ProducerRecord<>(topic, (int) (sent % partitions), null, line), (meta, error) -> {
                        if (error != null && !stopped) {
                            System.err.println(
                                    "== could not send a line to topic " + topic + ": " + error.getMessage());
                        }
                    });
                    sent++;
                }
            } while (loop && !stopped);
            producer.flush();
            System.out.println("== fed all " + lines.size() + " lines of " + file + " into topic " + topic);
        } catch (RuntimeException e) {
            if (!stopped) {
                System.err.println("== the line feeder stopped: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
