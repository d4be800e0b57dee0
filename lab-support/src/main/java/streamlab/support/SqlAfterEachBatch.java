package streamlab.support;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Runs a SQL query on the memory sink's table of a streaming query after each of its micro-batches that read
 * something, and prints the result: what the course notes do by hand with {@code spark.sql(...).show()} while
 * the stream runs. The memory sink's table has the name the query was given with {@code queryName}.
 */
public final class SqlAfterEachBatch extends StreamingQueryListener {

    private final SparkSession spark;
    private final String queryName;
    private final String sql;

    private SqlAfterEachBatch(SparkSession spark, String queryName, String sql) {
        this.spark = spark;
        this.queryName = queryName;
        this.sql = sql;
    }

    /** After each micro-batch of the query named {@code queryName} that read rows, prints {@code sql}'s result. */
    public static void register(SparkSession spark, String queryName, String sql) {
        spark.streams().addListener(new SqlAfterEachBatch(spark, queryName, sql));
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        if (queryName.equals(event.progress().name()) && event.progress().numInputRows() > 0) {
            System.out.println("== spark.sql(\"" + sql + "\") after micro-batch "
                    + event.progress().batchId());
            spark.sql(sql).show(false);
        }
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
