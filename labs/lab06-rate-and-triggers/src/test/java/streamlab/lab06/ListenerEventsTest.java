package streamlab.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import streamlab.harness.MemoryInput;
import streamlab.harness.TestSpark;

/**
 * When Spark calls a {@code StreamingQueryListener}: {@code onQueryProgress} after each micro-batch that ran,
 * and {@code onQueryIdle} instead while the query finds no new data, at most once every
 * {@code spark.sql.streaming.noDataProgressEventInterval} (10 s by default; 0 here, so that the test waits for
 * the event and not for the clock). Given code, not graded: it calls none of your exercises; the program's
 * {@link ProgressPrinter} prints both.
 */
class ListenerEventsTest {

    private static final String INTERVAL = "spark.sql.streaming.noDataProgressEventInterval";

    private final SparkSession spark = TestSpark.session();
    private final List<StreamingQueryListener.QueryProgressEvent> progress = new CopyOnWriteArrayList<>();
    private final CountDownLatch idle = new CountDownLatch(1);
    private final List<StreamingQueryListener.QueryIdleEvent> idles = new CopyOnWriteArrayList<>();

    private final StreamingQueryListener recorder = new StreamingQueryListener() {
        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            progress.add(event);
        }

        @Override
        public void onQueryIdle(QueryIdleEvent event) {
            if (!progress.isEmpty()) { // one thread delivers the events, in the order Spark posted them
                idles.add(event);
                idle.countDown();
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    };

    @AfterEach
    void stop_everything() {
        spark.streams().removeListener(recorder);
        spark.conf().unset(INTERVAL);
        TestSpark.stopEverythingRunning();
    }

    @Test
    void a_query_without_new_data_reports_idle_instead_of_progress() throws Exception {
        spark.conf().set(INTERVAL, "0"); // read when a query starts
        spark.streams().addListener(recorder);
        MemoryInput<String> lines = MemoryInput.of(Encoders.STRING(), spark);
        lines.add(List.of("to be", "or not"));
        StreamingQuery query = lines.toDF().writeStream().format("noop").start();
        TestSpark.processAll(query);

        assertThat(idle.await(60, TimeUnit.SECONDS))
                .as("an onQueryIdle event after the micro-batch that read the lines")
                .isTrue();
        StreamingQueryListener.QueryIdleEvent event = idles.get(0);
        assertThat(event.id()).isEqualTo(query.id());
        assertThat(ProgressPrinter.idleLine(event)).contains("no new data for query " + query.id());
        assertThat(progress)
                .as("progress events: one per micro-batch that ran (none for a trigger that found nothing)")
                .allSatisfy(p -> assertThat(p.progress().numInputRows()).isPositive())
                .extracting(p -> p.progress().id())
                .containsOnly(query.id());
    }
}
