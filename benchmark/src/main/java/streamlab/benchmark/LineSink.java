package streamlab.benchmark;

import org.apache.spark.sql.ForeachWriter;
import org.apache.spark.sql.Row;

/**
 * The foreach sink of the map-only queries, in the tasks: every line to the {@link Markers} board, which counts it
 * and notes its marker (the moment the line reaches the sink is the moment it is visible).
 */
final class LineSink extends ForeachWriter<Row> {

    @Override
    public boolean open(long partitionId, long epochId) {
        return true;
    }

    @Override
    public void process(Row row) {
        Markers.sinkLine(row.getString(0));
    }

    @Override
    public void close(Throwable error) {}
}
