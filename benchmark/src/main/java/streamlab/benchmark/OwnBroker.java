package streamlab.benchmark;

import java.nio.file.Path;
import java.util.Locale;
import streamlab.kafka.KafkaBroker;

/** The Kafka path's broker: the lab's own (kafka-broker), started for the run and removed after it. */
final class OwnBroker {

    /** The broker did not start: one sentence, and the run stops. */
    static final class NoBroker extends RuntimeException {
        NoBroker(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private OwnBroker() {}

    /** Starts a broker keeping its data under {@code folder}, with one progress line. */
    static KafkaBroker start(Path folder) {
        System.out.print("Starting the Kafka broker ... ");
        System.out.flush();
        long began = System.nanoTime();
        try {
            KafkaBroker broker = KafkaBroker.start(folder);
            System.out.printf(
                    Locale.ROOT,
                    "%s at %s (%.0f s)%n",
                    broker.kind(),
                    broker.bootstrapServers(),
                    (System.nanoTime() - began) / 1e9);
            return broker;
        } catch (RuntimeException e) {
            System.out.println("failed");
            throw new NoBroker(
                    "The Kafka broker did not start (" + e.getMessage()
                            + "), so the Kafka path cannot run; --source socket runs without it.",
                    e);
        }
    }
}
