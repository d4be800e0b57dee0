package streamlab.harness;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.AccumulatorV2;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lazily created driver singletons (a broadcast variable, an accumulator, kept in a static field of an
 * exercise class) forgotten before and after every test, so that each test starts as a new driver
 * would, whatever the exercise code does:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DriverSingletons SINGLETONS = DriverSingletons.of(ExcludeList.class, DroppedWords.class);
 * }</pre>
 *
 * <p>It clears every static field of those classes that holds a {@link Broadcast} (destroying it, as a
 * driver that ends does) or an accumulator. {@link #forget()} does the same in the middle of a test: a
 * restart from a checkpoint, say.
 */
public final class DriverSingletons implements BeforeEachCallback, AfterEachCallback {

    private final List<Class<?>> classes;

    private DriverSingletons(List<Class<?>> classes) {
        this.classes = classes;
    }

    public static DriverSingletons of(Class<?>... classes) {
        return new DriverSingletons(List.of(classes));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        forget();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        forget();
    }

    /** Forgets the singletons now, as a new driver JVM would not have them. */
    public void forget() {
        for (Class<?> type : classes) {
            boolean found = false;
            for (Field field : type.getDeclaredFields()) {
                boolean singleton = Broadcast.class.isAssignableFrom(field.getType())
                        || AccumulatorV2.class.isAssignableFrom(field.getType());
                if (singleton && Modifier.isStatic(field.getModifiers())) {
                    found = true;
                    clear(type, field);
                }
            }
            if (!found) {
                throw new AssertionError(type.getSimpleName() + " has no static field for its broadcast or accumulator."
                        + " Keep it in the static field the skeleton declares (instance), so that a new driver, and"
                        + " the next test, can make a new one.");
            }
        }
    }

    private static void clear(Class<?> type, Field field) {
        try {
            field.setAccessible(true);
            Object value = field.get(null);
            if (value == null) {
                return;
            }
            if (Modifier.isFinal(field.getModifiers())) {
                throw new AssertionError(type.getSimpleName() + "." + field.getName() + " is final, so it can never be"
                        + " made again after a restart. Keep the singleton in a static field that is not final (and"
                        + " volatile), created by the first getInstance call.");
            }
            if (value instanceof Broadcast<?> broadcast) {
                broadcast.destroy(true); // true: wait until every copy of it is gone
            }
            field.set(null, null);
        } catch (IllegalAccessException e) {
            throw new AssertionError("cannot reset " + type.getSimpleName() + "." + field.getName() + ": " + e, e);
        }
    }
}
