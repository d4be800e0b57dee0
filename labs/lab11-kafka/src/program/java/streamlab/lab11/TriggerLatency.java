package streamlab.lab11;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import streamlab.support.LabUsageException;

/**
 * {@code ./lab 11 --trigger-latency} (given code): one stateless query, Kafka to Kafka, each record copied as it
 * is, run in turn in the three trigger modes, and how late its copies are in each. A producer sends records
 * at a steady rate, each holding its sending time ({@code System.nanoTime()} of this JVM); a consumer reads the
 * copies and takes, for each, the time from its sending to its copy being read. The records sent before
 * the first copy came back are the warm-up and do not count.
 */
final class TriggerLatency {

    /** A trigger mode: its name in the topics' names, as the table shows it, and the trigger. */
    private record Mode(String name, String shown, Trigger trigger) {}

    /** The three modes: the same query, only the trigger differs. */
    private static final List<Mode> MODES = List.of(
            new Mode("micro_batch", "micro-batch, ProcessingTime(0)", Trigger.ProcessingTime(0)),
            new Mode("continuous", "continuous, Continuous(1 s)", Trigger.Continuous("1 second")),
            new Mode("real_time", "real-time, RealTime(5 s)", Trigger.RealTime("5 seconds")));

    private TriggerLatency() {}

    private static final int SECONDS = 10;
    private static final double RATE = 100;

    /** Runs the query in each mode for {@value #SECONDS} s of measured sending at {@value #RATE} records a second. */
    static int compare(SparkSession spark, KafkaSetup kafka) throws Exception {
        int seconds = SECONDS;
        double rate = RATE;
        System.out.printf(
                "== the same stateless query (Kafka to Kafka, each record copied) in three trigger modes:"
                        + " %.0f records a second, %d s measured in each%n",
                rate, seconds);
        List<String> table = new ArrayList<>();
        for (Mode mode : MODES) {
            String in = "lab11-latency-in-" + mode.name();
            String out = "lab11-latency-out-" + mode.name();
            kafka.makeTopics(List.of(in, out));
            StreamingQuery query = spark.readStream()
                    .format("kafka")
                    .option("kafka.bootstrap.servers", kafka.bootstrapServers())
                    .option("subscribe", in)
                    .load()
                    .selectExpr("key", "value") // the query: every record as it is
                    .writeStream()
                    .format("kafka")
                    .option("kafka.bootstrap.servers", kafka.bootstrapServers())
                    .option("topic", out)
                    .option(
                            "checkpointLocation",
                            Files.createTempDirectory("lab11-latency-").toString())
                    .outputMode("update") // real-time mode takes no other; for a stateless query it is append
                    .trigger(mode.trigger())
                    .queryName("latency_" + mode.name())
                    .start();
            try {
                String latency = measure(query, kafka.bootstrapServers(), in, out, seconds, rate);
                table.add(String.format("%-32s %s", mode.shown(), latency));
            } finally {
                // a long-running task stopped in the middle of its batch logs its abort: not a failure here (a
                // query that fails is reported by measure); Spark stays quiet from now on
                Configurator.setLevel("org.apache.spark", Level.OFF);
                query.stop();
            }
        }
        System.out.println("== from a record's sending to its copy being read (p50, p99 of the measured records):");
        table.forEach(System.out::println);
        return 0;
    }

    /** Sends to {@code in}, reads {@code out}: the latencies of the records sent in the measured period. */
    private static String measure(
            StreamingQuery query, String servers, String in, String out, int seconds, double rate) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "lab11-latency-" + out,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                        10,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class))) {
            long measuredFrom = Long.MAX_VALUE;
            long every = Math.max(1, (long) (1_000_000_000L / rate));
            sender.scheduleAtFixedRate(
                    () -> producer.send(new ProducerRecord<>(in, Long.toString(System.nanoTime()))),
                    0,
                    every,
                    TimeUnit.NANOSECONDS);
            consumer.subscribe(List.of(out));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a query that never starts
            long measuredTo = Long.MAX_VALUE;
            long readUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(readUntil, giveUp) && query.isActive()) {
                for (ConsumerRecord<String, String> copy : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    long sent = Long.parseLong(copy.value());
                    if (measuredFrom == Long.MAX_VALUE) { // the first copy: the warm-up ends
                        measuredFrom = now;
                        measuredTo = now + TimeUnit.SECONDS.toNanos(seconds);
                        readUntil = measuredTo + TimeUnit.SECONDS.toNanos(6); // a real-time batch is 5 s
                    } else if (sent >= measuredFrom && sent < measuredTo) {
                        latencies.add(now - sent);
                    }
                }
                if (System.nanoTime() >= measuredTo) {
                    sender.shutdown();
                }
            }
            if (query.exception().isDefined()) {
                throw new LabUsageException("The query " + query.name() + " failed: "
                        + query.exception()
                                .get()
                                .getMessage()
                                .lines()
                                .findFirst()
                                .orElse(""));
            }
            long sentInPeriod = measuredFrom == Long.MAX_VALUE ? 0 : Math.round(seconds * rate);
            return summary(latencies, sentInPeriod);
        } finally {
            sender.shutdownNow();
        }
    }

    private static String summary(List<Long> latencies, long sent) {
        if (latencies.isEmpty()) {
            return "no copy came back";
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format(
                "p50 %6.1f ms   p99 %6.1f ms   (%d of about %d records)",
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.size(), sent);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
