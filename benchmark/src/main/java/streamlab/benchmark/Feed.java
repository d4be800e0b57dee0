package streamlab.benchmark;

/**
 * Where a step sends its lines and where its query reads them: a netcat-sim server of its own, or a Kafka topic of
 * its own. Opened for one step, closed after it.
 */
interface Feed extends AutoCloseable {

    /** What the query reads. */
    Input input();

    /** Sends one line (a socket: hands it to the reader's queue; Kafka: hands it to the producer). */
    void send(String line);

    /**
     * Waits until the started query reads, before the lines begin: a socket's reader must be connected (lines sent
     * before are lost); a Kafka topic keeps its records, so there is nothing to wait for.
     */
    void awaitReader(String label) throws InterruptedException;

    @Override
    void close();

    /** Opens the feed of one step. */
    @FunctionalInterface
    interface Opener {
        Feed open(String name) throws Exception;
    }
}
