package streamlab.lab06;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedList;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import streamlab.harness.TestSpark;

/**
 * Spark's own rules, each shown with Spark's own error. Given code, not graded: it calls none of your
 * exercises. Read it with the README's "rules of a StreamingContext"; run it with {@code ./mvnw -q test
 * -pl labs/lab06-rate-and-triggers -Dtest=SparkRulesTest}.
 */
class SparkRulesTest {

    @AfterEach
    void stop_everything() {
        TestSpark.stopEverythingRunning();
    }

    private static JavaStreamingContext startedContext() {
        JavaStreamingContext ssc = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
        JavaDStream<String> lines = ssc.queueStream(new LinkedList<JavaRDD<String>>());
        lines.foreachRDD(rdd -> {});
        ssc.start();
        return ssc;
    }

    @Test
    void once_started_a_context_takes_no_new_operations() {
        JavaStreamingContext ssc = startedContext();
        assertThatThrownBy(
                        () -> ssc.queueStream(new LinkedList<JavaRDD<String>>()).print())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Adding new inputs, transformations, and output operations after starting a"
                        + " context is not supported");
    }

    @Test
    void once_stopped_a_context_cannot_start_again() {
        JavaStreamingContext ssc = startedContext();
        ssc.stop(false);
        assertThatThrownBy(ssc::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("StreamingContext has already been stopped");
    }

    @Test
    void only_one_context_runs_in_a_jvm() {
        startedContext();
        JavaStreamingContext second = new JavaStreamingContext(TestSpark.context(), Durations.seconds(1));
        second.queueStream(new LinkedList<JavaRDD<String>>()).foreachRDD(rdd -> {});
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Only one StreamingContext may be started in this JVM");
    }

    @Test
    void a_stopped_context_leaves_its_spark_context_to_the_next() {
        JavaStreamingContext first = startedContext();
        first.stop(false);
        assertThat(TestSpark.context().sc().isStopped()).isFalse();
        JavaStreamingContext next = startedContext(); // no error: the first one is stopped
        assertThat(next.sparkContext().sc()).isSameAs(first.sparkContext().sc());
    }

    @Test
    void trigger_once_is_deprecated_in_spark_4() throws NoSuchMethodException {
        assertThat(Trigger.class.getMethod("Once").isAnnotationPresent(Deprecated.class))
                .isTrue();
    }
}
