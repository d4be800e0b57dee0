package streamlab.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import streamlab.kafka.KafkaBroker;

/**
 * The Kafka broker of one submission's grading: started while the compiler runs, when a graded test that
 * will run takes one (a {@code KafkaBroker} parameter, which {@code SharedBroker} gives), and handed to the
 * grading JVMs, so that no test waits for a broker to start. Stopped, with what it kept, when the
 * submission is graded.
 */
final class GradingBroker implements AutoCloseable {

    /** A method that takes a broker: {@code void name(..., KafkaBroker broker, ...)}. */
    private static final Pattern TAKES_A_BROKER = Pattern.compile("void\\s+(\\w+)\\s*\\([^)]*\\bKafkaBroker\\b");

    private final CompletableFuture<KafkaBroker> broker;

    private GradingBroker(CompletableFuture<KafkaBroker> broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker in the background, under {@code dir}, if a graded test of {@code labs} that will run
     * (one of {@code onlyTests}, keys such as {@code lab11.structured.some_test}; all when empty) takes one.
     */
    static GradingBroker startIfNeeded(Collection<LabCatalog.Lab> labs, Set<String> onlyTests, Path dir) {
        boolean needed = labs.stream()
                .anyMatch(lab -> testsTakingABroker(lab).stream()
                        .anyMatch(test ->
                                onlyTests.isEmpty() || onlyTests.stream().anyMatch(key -> names(key, lab, test))));
        if (!needed) {
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
            return List.of(
                    "-D" + KafkaBroker.ATTACH_PROPERTY + "=" + broker.join().bootstrapServers());
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

    /** Whether a test key ({@code lab11.structured.some_test}) names {@code test} of {@code lab}, in either API. */
    private static boolean names(String key, LabCatalog.Lab lab, String test) {
        return key.startsWith("lab" + lab.number() + ".") && key.endsWith("." + test);
    }

    /** The graded tests of {@code lab} (in {@code @LabTest} classes) that take a {@code KafkaBroker} parameter. */
    static Set<String> testsTakingABroker(LabCatalog.Lab lab) {
        Set<String> tests = new TreeSet<>();
        try (Stream<Path> files = Files.walk(lab.tests())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("@LabTest")) {
                    TAKES_A_BROKER.matcher(source).results().forEach(m -> tests.add(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tests;
    }
}
