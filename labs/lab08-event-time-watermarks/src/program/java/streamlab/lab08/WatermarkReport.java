package streamlab.lab08;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * After each micro-batch of a Structured query, one line from its progress: the rows read, the
 * watermark (in the local time zone) and how many (window, value) rows the state keeps. Given code.
 */
final class WatermarkReport extends StreamingQueryListener {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress p = event.progress();
        String watermark = p.eventTime().get("watermark");
        String state = "";
        for (StateOperatorProgress op : p.stateOperators()) {
            state += ", " + op.numRowsTotal() + " rows in the state (" + op.numRowsRemoved() + " dropped)";
        }
        System.out.println("== micro-batch " + p.batchId() + ": " + p.numInputRows() + " rows read"
                + (watermark == null
                        ? ", no watermark"
                        : Instant.parse(watermark).toEpochMilli() == 0
                                ? ", no watermark yet (no event seen)"
                                : ", watermark " + LOCAL.format(Instant.parse(watermark)))
                + state);
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
