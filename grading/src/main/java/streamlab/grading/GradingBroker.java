package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import streamlab.kafka.KafkaBroker;

/**
 * The Kafka broker of one submission's grading: started while the compiler runs, when the graded tests of
 * one of its labs use a broker ({@code SharedBroker}), and handed to the grading JVMs, so that no test
 * waits for a broker to start. Stopped, with what it kept, when the submission is graded.
 */
final class GradingBroker implements AutoCloseable {

    private final CompletableFuture<KafkaBroker> broker;

    private GradingBroker(CompletableFuture<KafkaBroker> broker) {
        this.broker = broker;
    }

    /** Starts a broker in the background, under {@code dir}, if the graded tests of one of {@code labs} use one. */
    static GradingBroker startIfNeeded(Collection<LabCatalog.Lab> labs, Path dir) {
        if (labs.stream().noneMatch(GradingBroker::testsUseABroker)) {
            return new GradingBroker(null);
        }
        return new GradingBroker(CompletableFuture.supplyAsync(() -> KafkaBroker.start(dir.resolve("kafka-broker"))));
    }

    /**
     * The options that give the grading JVMs this broker, once it answers; none when no lab needs one or it
     * could not start (the tests then start their own, and say why that fails).
     */
    List<String> jvmOptions() {
        if (broker == null) {
            return List.of();
        }
        try {
            return List.of("-D" + KafkaBroker.ATTACH_PROPERTY + "=" + broker.join().bootstrapServers());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.thenAccept(KafkaBroker::close).exceptionally(e -> null).join();
        }
    }

    /** Whether a graded test class of {@code lab} ({@code @LabTest}) takes the shared broker ({@code SharedBroker}). */
    static boolean testsUseABroker(LabCatalog.Lab lab) {
        try (Stream<Path> files = Files.walk(lab.tests())) {
            return files.filter(f -> f.toString().endsWith(".java")).anyMatch(GradingBroker::gradedAndUsesTheBroker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean gradedAndUsesTheBroker(Path javaFile) {
        try {
            String source = Files.readString(javaFile);
            return source.contains("@LabTest") && source.contains("SharedBroker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
