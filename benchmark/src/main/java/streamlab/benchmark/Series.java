package streamlab.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/** The queries the benchmark measures: each source with each API and query, one line of a picture each. */
enum Series {
    DSTREAM_STATELESS(Source.SOCKET, Api.DSTREAM, Query.STATELESS, "DStream", "stateless"),
    STRUCTURED_STATELESS(Source.SOCKET, Api.STRUCTURED, Query.STATELESS, "Structured", "stateless"),
    CONTINUOUS_MAP_ONLY(Source.SOCKET, Api.CONTINUOUS, Query.STATELESS, "Structured continuous", "map only"),
    DSTREAM_WINDOWED(Source.SOCKET, Api.DSTREAM, Query.WINDOWED, "DStream", Series.WINDOWED),
    STRUCTURED_WINDOWED(Source.SOCKET, Api.STRUCTURED, Query.WINDOWED, "Structured", Series.WINDOWED),
    KAFKA_DSTREAM_STATELESS(Source.KAFKA, Api.DSTREAM, Query.STATELESS, "DStream", "stateless"),
    KAFKA_STRUCTURED_STATELESS(Source.KAFKA, Api.STRUCTURED, Query.STATELESS, "Structured", "stateless"),
    KAFKA_MICRO_BATCH_MAP_ONLY(Source.KAFKA, Api.STRUCTURED, Query.STATELESS, "Structured micro-batch", "map only"),
    KAFKA_CONTINUOUS_MAP_ONLY(Source.KAFKA, Api.CONTINUOUS, Query.STATELESS, "Structured continuous", "map only"),
    KAFKA_REAL_TIME_MAP_ONLY(Source.KAFKA, Api.REALTIME, Query.STATELESS, "Structured real-time", "map only"),
    KAFKA_DSTREAM_WINDOWED(Source.KAFKA, Api.DSTREAM, Query.WINDOWED, "DStream", Series.WINDOWED),
    KAFKA_STRUCTURED_WINDOWED(Source.KAFKA, Api.STRUCTURED, Query.WINDOWED, "Structured", Series.WINDOWED);

    /** The APIs (--apis); continuous and real-time run a map-only query beside the stateless ones. */
    enum Api {
        DSTREAM,
        STRUCTURED,
        CONTINUOUS,
        REALTIME
    }

    /** The queries (--queries). */
    enum Query {
        STATELESS,
        WINDOWED
    }

    /** The windowed queries: counts over the last 10 s, every 2 s. */
    static final int WINDOW_SECONDS = 10;

    static final int SLIDE_SECONDS = 2;

    private static final String WINDOWED = "windowed 10 s / 2 s";

    final Source source;
    final Api api;
    final Query query;
    final String apiLabel;
    final String queryLabel;

    Series(Source source, Api api, Query query, String apiLabel, String queryLabel) {
        this.source = source;
        this.api = api;
        this.query = query;
        this.apiLabel = apiLabel;
        this.queryLabel = queryLabel;
    }

    /** E.g. {@code DStream stateless}. */
    String label() {
        return apiLabel + " " + queryLabel;
    }

    /** Whether this is a map-only query, whose lines a foreach sink receives. */
    boolean mapOnly() {
        return queryLabel.equals("map only");
    }

    /** The series of this source with these APIs and queries, in the order a step runs them. */
    static List<Series> of(Source source, Set<Api> apis, Set<Query> queries) {
        return Arrays.stream(values())
                .filter(s -> s.source == source && apis.contains(s.api) && queries.contains(s.query))
                .toList();
    }

    /** A new, not yet started query of this series. */
    StreamQuery create(SparkSession spark, long batchMillis, Path checkpoint, String name) {
        boolean windowed = query == Query.WINDOWED;
        return switch (api) {
            case DSTREAM -> new DStreamQuery(spark, windowed, batchMillis, checkpoint);
            case STRUCTURED ->
                new MicroBatchQuery(
                        spark,
                        windowed
                                ? MicroBatchQuery.Shape.WINDOWED
                                : mapOnly() ? MicroBatchQuery.Shape.MAP_ONLY : MicroBatchQuery.Shape.COUNTS,
                        batchMillis,
                        checkpoint,
                        name);
            case CONTINUOUS -> new LongTaskQuery(spark, LongTaskQuery.Mode.CONTINUOUS, batchMillis, checkpoint);
            case REALTIME -> new LongTaskQuery(spark, LongTaskQuery.Mode.REAL_TIME, batchMillis, checkpoint);
        };
    }
}
