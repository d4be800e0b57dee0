package streamlab.benchmark;

/** One query of one API, reading the lines of a netcat-sim server, as a step of the benchmark runs it. */
interface StreamQuery extends AutoCloseable {

    /** Starts the query on the line server at host:port; it connects on its own time (a receiver, a source). */
    void start(String host, int port) throws Exception;

    /**
     * Lines per second the query took through in [from, to] (called at {@code to}): a DStream, the lines its
     * finished tasks split into words (an accumulator: a windowed DStream runs jobs only every slide, and Spark
     * reports nothing for the batches in between); a micro-batch query, the input rows of its finished
     * micro-batches; the continuous query, the lines that reached its sink. See {@link LineCounts}.
     */
    double linesPerSecond(long from, long to);

    /** The measured period begins: {@link #fallingBehind()} looks at what happens from now on. */
    void startMeasuring();

    /**
     * Why the batches are queueing up, judged on the measured period so far; null when they are not (or when the
     * API has no batches to judge).
     */
    String fallingBehind();

    /** Stops the query (not Spark). */
    @Override
    void close();
}
