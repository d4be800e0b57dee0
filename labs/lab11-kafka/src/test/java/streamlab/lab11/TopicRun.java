package streamlab.lab11;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.opentest4j.AssertionFailedError;
import streamlab.harness.Rows;
import streamlab.harness.TestSpark;
import streamlab.kafka.KafkaBroker;
import streamlab.kafka.Topics;

/**
 * Given test code: a query that writes to a Kafka topic, run step by step. Each step does something (sends
 * records to the input topic), lets the query process all of it, then reads what the output topic received
 * since the step before, as rows {@code (key, value)}.
 */
final class TopicRun implements AutoCloseable {

    private final String title;
    private final Topics topics;
    private final String topic;
    private final StreamingQuery query;
    private final Set<String> seen = new HashSet<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<List<List<Object>>> received = new ArrayList<>();

    private TopicRun(String title, Topics topics, String topic, StreamingQuery query) {
        this.title = title;
        this.topics = topics;
        this.topic = topic;
        this.query = query;
    }

    /** Starts the writer {@code writer} makes, with a new checkpoint, writing to {@code topic}. */
    static TopicRun start(
            String title, KafkaBroker broker, String topic, Function<SparkSession, DataStreamWriter<Row>> writer)
            throws TimeoutException {
        DataStreamWriter<Row> w = writer.apply(TestSpark.session());
        if (w == null) {
            throw new AssertionError("the exercise returned null instead of a DataStreamWriter");
        }
        StreamingQuery query = w.option(
                        "checkpointLocation",
                        TestSpark.newDirectory("kafka-sink-").toString())
                .start();
        return new TopicRun(title, new Topics(broker), topic, query);
    }

    /** Runs {@code action}, then every micro-batch it causes, then reads the topic's new records. */
    TopicRun step(String description, Runnable action) {
        action.run();
        try {
            TestSpark.processAll(query);
        } catch (Exception e) {
            Throwable cause = e instanceof StreamingQueryException && e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new RuntimeException(cause.getMessage(), cause);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (ConsumerRecord<String, String> r : topics.readAll(topic)) {
            if (seen.add(r.partition() + ":" + r.offset())) {
                rows.add(Rows.row(r.key(), r.value()));
            }
        }
        inputs.add(description);
        received.add(rows);
        return this;
    }

    /** Each step's new records in the topic must be exactly these rows (key, value), in any order. */
    @SafeVarargs
    final TopicRun assertSteps(List<List<Object>>... expected) {
        if (expected.length != received.size()) {
            throw new IllegalArgumentException("the test gives " + expected.length + " steps for " + received.size());
        }
        for (int k = 0; k < expected.length; k++) {
            if (!tally(expected[k]).equals(tally(received.get(k)))) {
                StringBuilder sb = new StringBuilder(title)
                        .append("\nWrong records in topic ")
                        .append(topic)
                        .append(" after step ")
                        .append(k + 1)
                        .append(". The whole run (=> marks it):\n");
                for (int j = 0; j < received.size(); j++) {
                    sb.append(j == k ? "=> " : "   ")
                            .append("step ")
                            .append(j + 1)
                            .append('\n')
                            .append(String.format("      %-10s %s%n", "input", inputs.get(j)))
                            .append(String.format("      %-10s %s%n", "expected", Rows.renderAll(expected[j])))
                            .append(String.format("      %-10s %s%n", "actual", Rows.renderAll(received.get(j))));
                }
                sb.append("(records are (key, value); a step shows the records the topic received during it)\n");
                throw new AssertionFailedError(
                        sb.toString(), Rows.renderAll(expected[k]), Rows.renderAll(received.get(k)));
            }
        }
        return this;
    }

    @Override
    public void close() throws TimeoutException {
        query.stop();
    }

    /** How many times each row occurs: two lists of rows are equal in any order when their tallies are. */
    private static Map<List<Object>, Long> tally(List<List<Object>> rows) {
        return rows.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
