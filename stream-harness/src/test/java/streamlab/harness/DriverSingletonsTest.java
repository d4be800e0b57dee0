package streamlab.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

class DriverSingletonsTest {

    static final class Singletons {
        private static volatile Broadcast<String> instance;
        private static volatile LongAccumulator counter;
    }

    static final class FinalSingleton {
        private static final LongAccumulator INSTANCE = TestSpark.context().sc().longAccumulator("final");
    }

    static final class NoSingleton {
        private static String notASingleton = "x";
    }

    @Test
    void forgets_and_destroys_the_broadcast_and_forgets_the_accumulator() {
        Broadcast<String> made = TestSpark.context().broadcast("words");
        Singletons.instance = made;
        Singletons.counter = TestSpark.context().sc().longAccumulator();
        DriverSingletons.of(Singletons.class).forget();
        assertThat(Singletons.instance).isNull();
        assertThat(Singletons.counter).isNull();
        assertThat(made.isValid())
                .as("the old broadcast is destroyed, as when its driver ends")
                .isFalse();
    }

    @Test
    void a_final_singleton_cannot_be_made_again_and_says_so() {
        assertThat(FinalSingleton.INSTANCE).isNotNull();
        assertThatThrownBy(() -> DriverSingletons.of(FinalSingleton.class).forget())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FinalSingleton.INSTANCE is final");
    }

    @Test
    void a_class_without_a_singleton_field_is_told_where_to_keep_it() {
        assertThatThrownBy(() -> DriverSingletons.of(NoSingleton.class).forget())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has no static field");
    }
}
