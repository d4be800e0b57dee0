package streamlab.benchmark;

import java.util.List;

/** One query of one API, reading the lines of a socket or a Kafka topic, as a step of the benchmark runs it. */
interface StreamQuery extends AutoCloseable {

    /** Starts the query on its input; it connects on its own time (a receiver, a source). */
    void start(Input input) throws Exception;

    /**
     * Lines per second the query took through in [from, to] (called at {@code to}): a DStream, the lines its
     * finished tasks split into words (an accumulator: a windowed DStream runs jobs only every slide, and Spark
     * reports nothing for the batches in between); a micro-batch query, the input rows of its finished
     * micro-batches; a query on the continuous trigger or in real-time mode, the lines that reached its sink. See
     * {@link LineCounts}.
     */
    double linesPerSecond(long from, long to);

    /** The measured period begins: {@link #fallingBehind()} looks at what happens from now on. */
    void startMeasuring();

    /**
     * Why the batches are queueing up, judged on the measured period so far; null when they are not (or when the
     * API has no batches to judge).
     */
    String fallingBehind();

    /** The state it kept over the step, oldest first: only the windowed queries keep any. */
    default List<StateSample> state() {
        return List.of();
    }

    /** Stops the query (not Spark). */
    @Override
    void close();
}
