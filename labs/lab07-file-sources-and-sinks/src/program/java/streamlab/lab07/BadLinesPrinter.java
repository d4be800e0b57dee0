package streamlab.lab07;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/** After each micro-batch of the console query: its observed metric, the lines it read and the bad ones. */
final class BadLinesPrinter extends StreamingQueryListener {

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        Row lines = event.progress().observedMetrics().get(FileSourcesStructured.LINES_METRIC);
        if (lines != null && lines.getLong(0) > 0) {
            System.out.println("== micro-batch " + event.progress().batchId() + " read " + lines.getLong(0) + " lines, "
                    + lines.getLong(1) + " of them bad");
        }
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
