package streamlab.support;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContextState;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Runs a lab from its {@code main()}: the socket source, the exercise of either API (or both, on one
 * stream), the output, and a clean stop. The lab's own code only says how to wire its exercise.
 */
public final class LabProgram {

    /** Wires the DStream exercise: lines in, an output operation (print, foreachRDD) out. */
    @FunctionalInterface
    public interface DStreamWiring {
        void wire(JavaStreamingContext ssc, JavaDStream<String> lines);
    }

    /**
     * Wires the Structured exercise on the socket lines (a column value, and timestamp when asked) to
     * its sink: format and output mode. The program adds the trigger and the checkpoint, and starts it.
     */
    @FunctionalInterface
    public interface StructuredWiring {
        DataStreamWriter<Row> wire(Dataset<Row> lines);
    }

    private final String title;
    private final LabOptions options;
    private final PrintStream out;
    private int defaultBatchSeconds = 5;
    private boolean socketTimestamps;
    private Path defaultCheckpoint;
    private boolean recoverable;
    private DStreamWiring dstream;
    private StructuredWiring structured;
    private final java.util.List<StructuredWiring> moreStructured = new java.util.ArrayList<>();

    private LabProgram(String title, LabOptions options, PrintStream out) {
        this.title = title;
        this.options = options;
        this.out = out;
    }

    /** Parses {@code args} into {@code command} (a picocli command), runs it, and exits with its status. */
    public static void exit(Object command, String... args) {
        int status = new picocli.CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(status);
    }

    public static LabProgram of(String title, LabOptions options) {
        return new LabProgram(title, options, System.out);
    }

    public LabProgram batchSeconds(int seconds) {
        this.defaultBatchSeconds = seconds;
        return this;
    }

    /** The Structured socket source adds a column {@code timestamp} (its arrival time). */
    public LabProgram socketTimestamps() {
        this.socketTimestamps = true;
        return this;
    }

    /**
     * The lab keeps state: its DStream context checkpoints to {@code dir}/dstream and its query to
     * {@code dir}/structured, unless {@code --checkpoint} names another directory.
     */
    public LabProgram checkpointing(String dir) {
        this.defaultCheckpoint = Path.of(dir);
        return this;
    }

    /**
     * The DStream context is created with {@code JavaStreamingContext.getOrCreate}: a restarted program
     * recovers its graph and state from the checkpoint instead of wiring a new one. Needs
     * {@link #checkpointing}.
     */
    public LabProgram recoverable() {
        this.recoverable = true;
        return this;
    }

    /** The checkpoint directory of one API, or null when the lab keeps no state. */
    private Path checkpointOf(Api api) {
        Path base = options.checkpoint != null ? options.checkpoint : defaultCheckpoint;
        return base == null ? null : base.resolve(api.label());
    }

    public LabProgram dstream(DStreamWiring wiring) {
        this.dstream = wiring;
        return this;
    }

    public LabProgram structured(StructuredWiring wiring) {
        this.structured = wiring;
        return this;
    }

    /**
     * One more Structured query on the same stream, started after the one of {@link #structured}: a
     * second result table, such as a running total beside windowed counts (one query has one result
     * table). It reads its own socket connection and checkpoints to {@code dir}/structured-2, -3, ...
     */
    public LabProgram alsoStructured(StructuredWiring wiring) {
        this.moreStructured.add(wiring);
        return this;
    }

    /** Runs the lab; returns the process exit status. */
    public int run() {
        try {
            return runOrThrow();
        } catch (LabUsageException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            if (causedBy(e, java.net.ConnectException.class)) {
                System.err.println(nothingListening().getMessage());
                return 2;
            }
            if (MissingSolutionException.isMissingSolution(e)) {
                System.err.println(title + ": " + rootMessage(e));
                return 1;
            }
            System.err.println(title + " stopped with an error: " + rootMessage(e));
            return 1;
        }
    }

    private int runOrThrow() throws Exception {
        if (recoverable && defaultCheckpoint == null && options.checkpoint == null) {
            throw new IllegalStateException("recoverable() needs checkpointing(dir)");
        }
        JavaVersionCheck.requireSupported();
        boolean wantDStream = options.runs(Api.DSTREAM) && dstream != null;
        boolean wantStructured = options.runs(Api.STRUCTURED) && structured != null;
        int batch = options.batchSeconds != null ? options.batchSeconds : defaultBatchSeconds;
        if (batch < 1) {
            throw new LabUsageException("--batch must be at least 1 second, not " + batch + ".");
        }
        if (options.seconds < 0) {
            throw new LabUsageException("--seconds must be 0 (run until Ctrl-C) or more, not " + options.seconds + ".");
        }

        try (Replay replay = Replay.startIfAsked(options)) {
            String host = replay != null ? replay.host() : options.host;
            int port = replay != null ? replay.port() : options.port;
            if (options.master != null) {
                System.setProperty("spark.master", options.master);
            }
            String master = wantDStream && wantStructured ? "local[3]" : LabSpark.DEFAULT_MASTER;
            SparkSession spark = LabSpark.session(title, master);
            JavaStreamingContext ssc = null;
            StreamingQuery query = null;
            java.util.List<StreamingQuery> moreQueries = new java.util.ArrayList<>();
            try {
                out.println("== " + title + " reading " + host + ":" + port + ", batches of " + batch + " s"
                        + (options.seconds > 0 ? ", stopping after " + options.seconds + " s" : ", Ctrl-C to stop"));
                if (wantDStream) {
                    ssc = startDStream(spark, host, port, batch);
                }
                if (wantStructured) {
                    query = startStructured(spark, host, port, batch);
                    for (int i = 0; query != null && i < moreStructured.size(); i++) {
                        Path dir = checkpointOf(Api.STRUCTURED);
                        StreamingQuery more = startStructured(spark, host, port, batch, moreStructured.get(i),
                                dir == null ? null : dir.resolveSibling(dir.getFileName() + "-" + (i + 2)));
                        if (more != null) {
                            moreQueries.add(more);
                        }
                    }
                }
                if (ssc == null && query == null) {
                    System.err.println(title + ": nothing to run yet: fill in the TODOs first.");
                    return 1;
                }
                if (replay != null) {
                    replay.startWhenConnected((ssc != null ? 1 : 0) + (query != null ? 1 : 0) + moreQueries.size());
                }
                awaitEnd(ssc, query, moreQueries);
            } finally {
                for (StreamingQuery more : moreQueries) {
                    more.stop();
                }
                if (query != null) {
                    query.stop();
                }
                if (ssc != null && ssc.getState() == StreamingContextState.ACTIVE) {
                    ssc.stop(false, false);
                }
                spark.stop();
            }
        }
        out.println("== " + title + " stopped.");
        return 0;
    }

    private JavaStreamingContext startDStream(SparkSession spark, String host, int port, int batch)
            throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path checkpoint = checkpointOf(Api.DSTREAM);
        boolean[] wired = {true};
        Function0<JavaStreamingContext> create = () -> {
            JavaStreamingContext ssc = new JavaStreamingContext(sc, Durations.seconds(batch));
            if (checkpoint != null) {
                ssc.checkpoint(checkpoint.toString());
            }
            JavaDStream<String> lines = ssc.socketTextStream(host, port, StorageLevel.MEMORY_AND_DISK_SER());
            try {
                dstream.wire(ssc, lines);
            } catch (MissingSolutionException e) {
                System.err.println("DStream side skipped: " + e.getMessage());
                wired[0] = false;
            }
            return ssc;
        };
        JavaStreamingContext ssc;
        if (recoverable && checkpoint != null) {
            boolean resuming = Files.isDirectory(checkpoint) && hasFiles(checkpoint);
            ssc = JavaStreamingContext.getOrCreate(checkpoint.toString(), create);
            if (resuming) {
                out.println("== DStream: recovered from the checkpoint in " + checkpoint
                        + " (delete it to start afresh)");
            }
        } else {
            ssc = create.call();
        }
        if (!wired[0]) {
            ssc.stop(false, false);
            return null;
        }
        ssc.start();
        return ssc;
    }

    private StreamingQuery startStructured(SparkSession spark, String host, int port, int batch)
            throws TimeoutException, IOException {
        return startStructured(spark, host, port, batch, structured, checkpointOf(Api.STRUCTURED));
    }

    private StreamingQuery startStructured(SparkSession spark, String host, int port, int batch,
                                           StructuredWiring wiring, Path checkpoint)
            throws TimeoutException, IOException {
        Dataset<Row> lines = spark.readStream().format("socket")
                .option("host", host)
                .option("port", port)
                .option("includeTimestamp", socketTimestamps)
                .load();
        DataStreamWriter<Row> writer;
        try {
            writer = wiring.wire(lines);
        } catch (MissingSolutionException e) {
            System.err.println("Structured side skipped: " + e.getMessage());
            return null;
        }
        writer.trigger(Trigger.ProcessingTime(batch, TimeUnit.SECONDS));
        if (checkpoint != null) {
            forgetEarlierQuery(checkpoint);
            writer.option("checkpointLocation", checkpoint.toString());
        }
        return writer.start();
    }

    /**
     * A socket source cannot be replayed: a new connection starts again at offset 0, so a query resumed
     * from an earlier run's checkpoint fails ("Offsets committed out of order"). Each run of a lab
     * therefore starts its Structured query afresh; the state lives in the checkpoint while it runs.
     * Only a directory that looks like a query checkpoint (metadata and offsets/) is removed.
     */
    private void forgetEarlierQuery(Path checkpoint) throws IOException {
        if (!Files.isRegularFile(checkpoint.resolve("metadata")) || !Files.isDirectory(checkpoint.resolve("offsets"))) {
            return;
        }
        try (var files = Files.walk(checkpoint)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
        out.println("== Structured: starting afresh in " + checkpoint
                + " (a socket stream cannot resume an earlier run's query)");
    }

    private static boolean hasFiles(Path dir) {
        try (var files = Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitEnd(JavaStreamingContext ssc, StreamingQuery query, java.util.List<StreamingQuery> moreQueries)
            throws Exception {
        ReceiverErrors receiverErrors = new ReceiverErrors();
        if (ssc != null) {
            ssc.addStreamingListener(receiverErrors);
        }
        long deadline = options.seconds > 0 ? System.nanoTime() + options.seconds * 1_000_000_000L : Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            if (receiverErrors.cannotConnect) {
                throw nothingListening();
            }
            if (ssc != null && ssc.awaitTerminationOrTimeout(100)) {
                return; // stopped from elsewhere; an error would have been thrown
            }
            if (query != null && query.awaitTermination(100)) {
                if (query.exception().isDefined()) {
                    throw query.exception().get();
                }
                return;
            }
            for (StreamingQuery more : moreQueries) {
                if (!more.isActive()) {
                    if (more.exception().isDefined()) {
                        throw more.exception().get();
                    }
                    return;
                }
            }
        }
    }

    /** The one sentence for a line server that is not there (instead of Spark's stack trace). */
    private LabUsageException nothingListening() {
        return new LabUsageException("Nothing is listening on " + options.host + ":" + options.port
                + ". Start a line server first, in another terminal: netcat-sim/nc -lk " + options.port
                + " (or let the lab start one: --replay datasets/lines/hamlet.txt).");
    }

    /**
     * Notices a DStream receiver that cannot connect (it would retry quietly forever). The Structured
     * socket source fails its query instead, with a ConnectException: see {@link #run}.
     */
    private static final class ReceiverErrors implements org.apache.spark.streaming.scheduler.StreamingListener {
        volatile boolean cannotConnect;

        @Override
        public void onReceiverError(org.apache.spark.streaming.scheduler.StreamingListenerReceiverError error) {
            look(error.receiverInfo().lastErrorMessage());
        }

        /** A receiver that cannot connect is stopped and restarted: the stop carries the reason. */
        @Override
        public void onReceiverStopped(org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped stopped) {
            look(stopped.receiverInfo().lastErrorMessage());
        }

        private void look(String message) {
            if (message != null && message.contains("Error connecting to")) {
                cannotConnect = true;
            }
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof MissingSolutionException) {
                break;
            }
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    static void checkReadable(java.nio.file.Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LabUsageException("Cannot read " + file + ": no such file (paths are relative to "
                    + System.getProperty("user.dir") + ").");
        }
    }
}
