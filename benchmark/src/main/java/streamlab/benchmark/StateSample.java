package streamlab.benchmark;

/**
 * The state a windowed query kept at one moment of its step.
 *
 * @param seconds seconds since the query started
 * @param rows    Structured: the state store's rows (one per window and word, {@code numRowsTotal}); DStream: the
 *                words of the current window's counts
 * @param bytes   Structured: the state store's memory ({@code memoryUsedBytes}); DStream: the memory of the RDDs
 *                it keeps cached for its window (the counts of each batch of the window, and the window's counts)
 */
record StateSample(double seconds, long rows, long bytes) {}
