package streamlab.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import streamlab.kafka.KafkaBroker;
import streamlab.support.JavaVersionCheck;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;

/** Which API keeps up? The command line of the benchmark: {@code ./bench --help}. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Feeds lines to the DStream and the Structured Streaming API at rising rates, each query alone, from"
                    + " netcat-sim (the labs' socket source) and from a Kafka topic (the source production uses),"
                    + " and measures for each API and query the highest rate it sustains and the latency from a line"
                    + " being sent to its count being visible (median and 99th percentile).",
            "Prints a table per source and writes them (results.md) with the pictures (latency.png for the socket,"
                    + " latency-kafka.png, memory.png for the windowed queries' state) into --out."
        },
        footer = {
            "",
            "Examples:",
            "  ./bench                                     all of it, about 14 minutes",
            "  ./bench --source kafka                      the Kafka path only",
            "  ./bench --rates 1000,10000 --seconds 5      a quick look",
            "  ./bench --apis dstream --queries windowed   one API, one query"
        })
public final class Benchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Options options;

    @Override
    public Integer call() throws Exception {
        Settings settings = options.settings();
        Map<Source, List<Series>> plan = options.plan();
        Files.createDirectories(options.out);
        long began = System.nanoTime();
        SparkSession spark = session();
        Path work = Files.createTempDirectory("streamlab-benchmark-");
        Report report = new Report(options.out, settings);
        try {
            for (Map.Entry<Source, List<Series>> path : plan.entrySet()) {
                Source source = path.getKey();
                String header = header(spark, settings, source);
                System.out.println(header);
                List<Result> results = climb(spark, source, path.getValue(), settings, work);
                report.add(source, header, path.getValue(), results);
            }
        } finally {
            spark.stop();
            delete(work);
        }
        report.write();
        System.out.printf(
                Locale.ROOT,
                "%nWrote %s and its pictures (the run took %.1f minutes).%n",
                options.out.resolve("results.md"),
                (System.nanoTime() - began) / 60e9);
        return 0;
    }

    private List<Result> climb(SparkSession spark, Source source, List<Series> series, Settings settings, Path work)
            throws IOException {
        List<Integer> rates = options.rates(source);
        Path steps = Files.createDirectories(work.resolve(source.name));
        if (source == Source.SOCKET) {
            return RateLadder.climb(spark, series, rates, settings, steps, SocketFeed::open, System.out);
        }
        try (KafkaBroker broker = OwnBroker.start(work.resolve("kafka"));
                KafkaFeeds feeds = new KafkaFeeds(broker.bootstrapServers())) {
            return RateLadder.climb(spark, series, rates, settings, steps, feeds, System.out);
        }
    }

    /** Spark on this machine: the benchmark's tasks report to this JVM, so the master must be a local one. */
    private SparkSession session() {
        JavaVersionCheck.requireSupported();
        SparkConf conf = LabSpark.conf("Which API keeps up? (benchmark)", LabSpark.DEFAULT_MASTER);
        conf.setIfMissing("spark.ui.enabled", "false");
        String master = conf.get("spark.master");
        if (!master.startsWith("local")) {
            throw new ParameterException(
                    spec.commandLine(),
                    "The benchmark measures this machine: run it on a local master (local[2] unless"
                            + " -Dspark.master says otherwise), not " + master + ".");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        QuietStops.apply();
        return spark;
    }

    private static String header(SparkSession spark, Settings settings, Source source) {
        return String.join(
                "\n",
                "",
                "Which API keeps up? DStream against Structured Streaming, on " + source.what + ".",
                "Machine: "
                        + Machine.describe(spark.version(), spark.sparkContext().master()) + ".",
                "Each query runs alone at each rate (its own "
                        + (source == Source.SOCKET ? "netcat-sim server" : "topic")
                        + ", nothing else running in Spark), so that the APIs do not take cores from each other.",
                String.format(
                        Locale.ROOT,
                        "One step: %d s warm-up, %d s measured, %.0f s more for the last markers;%n"
                                + "batch interval and trigger %d s; %d marker lines a second.",
                        settings.warmupSeconds(),
                        settings.seconds(),
                        settings.graceMillis() / 1000.0,
                        settings.batchSeconds(),
                        settings.markersPerSecond()),
                Verdict.DEFINITION,
                "");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Runs the command line; returns 0, 2 for a bad command line (one sentence on stderr), 1 for a failure. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Benchmark()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, given) -> {
            String message = e.getMessage().endsWith(".")
                    ? e.getMessage().substring(0, e.getMessage().length() - 1)
                    : e.getMessage();
            System.err.println("bench: " + message + " (see --help).");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof LabUsageException) {
                System.err.println("bench: " + e.getMessage());
                return 2;
            }
            if (e instanceof OwnBroker.NoBroker) {
                System.err.println("bench: " + e.getMessage());
                return 1;
            }
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            System.err.println("bench stopped with an error: " + root);
            return 1;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
