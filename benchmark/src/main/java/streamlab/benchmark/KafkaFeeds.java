package streamlab.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import streamlab.kafka.Topics;

/**
 * The Kafka path's feeds: a new topic for every step, and the previous step's topic deleted when the next one opens.
 * Not sooner: a query that fell behind may still run a batch over it after its step (until the ladder lets the cores
 * go quiet), and a topic deleted under it fails that batch with errors on the screen.
 */
final class KafkaFeeds implements Feed.Opener, AutoCloseable {

    private final String bootstrapServers;
    private String previous;

    KafkaFeeds(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Feed open(String name) {
        deletePrevious();
        String topic = name.replace('_', '-') + "-" + System.nanoTime();
        new Topics(bootstrapServers).create(topic, KafkaFeed.PARTITIONS);
        previous = topic;
        return KafkaFeed.to(bootstrapServers, topic);
    }

    @Override
    public void close() {
        deletePrevious();
    }

    private void deletePrevious() {
        if (previous == null) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(List.of(previous)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the broker's folder goes at the end of the run anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        previous = null;
    }
}
