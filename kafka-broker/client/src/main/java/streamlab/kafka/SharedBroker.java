package streamlab.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives test methods (and constructors) a {@link KafkaBroker} parameter: one
 * broker for the whole test JVM, started when a test first asks for it and closed when JUnit ends. A
 * test that stops or kills the broker starts it again before it ends. When the system property
 * {@value KafkaBroker#ATTACH_PROPERTY} names a broker, the tests use that one and start none.
 *
 * <pre>@ExtendWith(SharedBroker.class)
 * class MyKafkaTest { @Test void reads(KafkaBroker broker) { ... } }</pre>
 */
public final class SharedBroker implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The test JVM's broker, started on first use. */
    public static KafkaBroker broker(ExtensionContext context) {
        // closed through JUnit's root store: a JVM shutdown hook races with surefire's own exit
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("streamlab.kafka.broker", key -> new Closing(startBroker()), Closing.class)
                .broker;
    }

    static KafkaBroker startBroker() {
        String given = System.getProperty(KafkaBroker.ATTACH_PROPERTY, "");
        if (!given.isBlank()) {
            return new AttachedBroker(given.strip());
        }
        try {
            return KafkaBroker.start(Files.createTempDirectory("streamlab-kafka"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the Kafka broker", e);
        }
    }

    private record Closing(KafkaBroker broker) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            broker.close();
        }
    }
}
