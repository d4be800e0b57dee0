package streamlab.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** The queries the benchmark measures: each API with each query, one line of the picture each. */
enum Series {
    DSTREAM_STATELESS(Api.DSTREAM, Query.STATELESS, "DStream", "stateless"),
    STRUCTURED_STATELESS(Api.STRUCTURED, Query.STATELESS, "Structured", "stateless"),
    CONTINUOUS_MAP_ONLY(Api.CONTINUOUS, Query.STATELESS, "Structured continuous", "map only"),
    DSTREAM_WINDOWED(Api.DSTREAM, Query.WINDOWED, "DStream", "windowed 10 s / 2 s"),
    STRUCTURED_WINDOWED(Api.STRUCTURED, Query.WINDOWED, "Structured", "windowed 10 s / 2 s");

    /** The APIs (--apis). */
    enum Api {
        DSTREAM,
        STRUCTURED,
        CONTINUOUS
    }

    /** The queries (--queries); the continuous trigger runs a map-only query beside the stateless ones. */
    enum Query {
        STATELESS,
        WINDOWED
    }

    /** The windowed queries: counts over the last 10 s, every 2 s. */
    static final int WINDOW_SECONDS = 10;

    static final int SLIDE_SECONDS = 2;

    final Api api;
    final Query query;
    final String apiLabel;
    final String queryLabel;

    Series(Api api, Query query, String apiLabel, String queryLabel) {
        this.api = api;
        this.query = query;
        this.apiLabel = apiLabel;
        this.queryLabel = queryLabel;
    }

    /** E.g. {@code DStream stateless}. */
    String label() {
        return apiLabel + " " + queryLabel;
    }

    /** The series of these APIs and queries, in the order a step runs them. */
    static List<Series> of(Set<Api> apis, Set<Query> queries) {
        return Arrays.stream(values())
                .filter(s -> apis.contains(s.api) && queries.contains(s.query))
                .toList();
    }

    /** A new, not yet started query of this series. */
    StreamQuery create(SparkSession spark, long batchMillis, Path checkpoint, String name) {
        return switch (this) {
            case DSTREAM_STATELESS, DSTREAM_WINDOWED ->
                new DStreamQuery(spark, query == Query.WINDOWED, batchMillis, checkpoint);
            case STRUCTURED_STATELESS, STRUCTURED_WINDOWED ->
                new MicroBatchQuery(spark, query == Query.WINDOWED, batchMillis, checkpoint, name);
            case CONTINUOUS_MAP_ONLY -> new ContinuousQuery(spark, batchMillis, checkpoint);
        };
    }
}
