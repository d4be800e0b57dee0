package streamlab.lab05;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/** How Lab 05 shows its results (given: the lab's output, not the exercise). */
final class Lab05Output {

    /** How many words a batch prints, biggest counts first. */
    static final int SHOWN = 10;

    /** The DStream side's dropped total after the previous batch (driver memory, like the accumulator). */
    private static long droppedBefore;

    private Lab05Output() {}

    /**
     * The DStream output of one batch: one action (collect) runs the batch, so the accumulator is up to
     * date only after it. Reading it before would show the previous batch's total.
     */
    static void printBatch(JavaPairRDD<String, Long> keptCounts, Time time) {
        List<Tuple2<String, Long>> kept = new ArrayList<>(keptCounts.collect());
        long droppedSoFar = DroppedWords.getInstance(JavaSparkContext.fromSparkContext(keptCounts.context()))
                .value();
        long droppedNow = droppedSoFar - droppedBefore;
        droppedBefore = droppedSoFar;
        kept.sort(Comparator.comparing((Tuple2<String, Long> t) -> -t._2()).thenComparing(Tuple2::_1));
        StringBuilder out = new StringBuilder()
                .append("-------------------------------------------\n")
                .append("Time: ")
                .append(time.milliseconds())
                .append(" ms (DStream)\n")
                .append("-------------------------------------------\n");
        for (Tuple2<String, Long> t : kept.subList(0, Math.min(SHOWN, kept.size()))) {
            out.append('(').append(t._1()).append(',').append(t._2()).append(")\n");
        }
        if (kept.size() > SHOWN) {
            out.append("... and ").append(kept.size() - SHOWN).append(" more words\n");
        }
        out.append("dropped ")
                .append(droppedNow)
                .append(" words in this batch, ")
                .append(droppedSoFar)
                .append(" since the driver started\n");
        System.out.println(out);
    }

    /** The Structured output of the metric: the query reports it with each micro-batch's progress. */
    static final class DroppedWordsPrinter extends StreamingQueryListener {
        private long total;

        @Override
        public void onQueryProgress(QueryProgressEvent event) {
            Row metric = event.progress().observedMetrics().get(ExcludeStructured.METRIC);
            if (metric != null) {
                long dropped = metric.getLong(0);
                total += dropped;
                System.out.println("Batch: " + event.progress().batchId() + " (Structured) dropped " + dropped
                        + " words in this micro-batch, " + total + " since the query started");
            }
        }

        @Override
        public void onQueryStarted(QueryStartedEvent event) {}

        @Override
        public void onQueryTerminated(QueryTerminatedEvent event) {}
    }
}
