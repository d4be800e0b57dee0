package streamlab.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import streamlab.support.JavaVersionCheck;
import streamlab.support.LabSpark;
import streamlab.support.LabUsageException;

/** Which API keeps up? The command line of the benchmark: {@code ./bench --help}. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Feeds lines from netcat-sim to the DStream and the Structured Streaming API at rising rates, each query"
                    + " alone, and measures for each API and query the highest rate it sustains and the latency from"
                    + " a line leaving netcat-sim to its word count being visible (median and 99th percentile).",
            "Prints a table and writes it (results.md) with a picture (latency.png) into --out."
        },
        footer = {
            "",
            "Examples:",
            "  ./bench                                    all of it, about 12 minutes",
            "  ./bench --rates 1000,10000 --seconds 5     a quick look",
            "  ./bench --apis dstream --queries windowed  one API, one query"
        })
public final class Benchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rates",
            split = ",",
            paramLabel = "N",
            defaultValue = "1000,5000,10000,20000,50000,100000,200000,500000",
            description = "Lines per second to try, from the lowest up; a query that fell behind is not tried at"
                    + " higher rates (default: ${DEFAULT-VALUE}).")
    List<Integer> rates;

    @Option(
            names = "--warmup",
            paramLabel = "S",
            defaultValue = "5",
            description = "Seconds of lines at each rate before the measuring begins (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "10",
            description = "Seconds measured at each rate (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--batch",
            paramLabel = "S",
            defaultValue = "1",
            description = "DStream batch interval and Structured trigger interval, in seconds: 1 or 2 (default:"
                    + " ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--apis",
            split = ",",
            paramLabel = "API",
            defaultValue = "dstream,structured,continuous",
            description = "Which APIs: dstream, structured, continuous (the continuous trigger, with a map-only query"
                    + " beside the stateless ones) (default: ${DEFAULT-VALUE}).")
    List<Series.Api> apis;

    @Option(
            names = "--queries",
            split = ",",
            paramLabel = "QUERY",
            defaultValue = "stateless,windowed",
            description = "Which queries: stateless (word counts of each batch), windowed (word counts over 10 s"
                    + " every 2 s) (default: ${DEFAULT-VALUE}).")
    List<Series.Query> queries;

    @Option(
            names = "--markers",
            paramLabel = "N",
            defaultValue = "100",
            description = "Marker lines per second, whose latency is measured (default: ${DEFAULT-VALUE}).")
    int markers;

    @Option(
            names = "--jvm-warmup",
            paramLabel = "S",
            defaultValue = "6",
            description = "Seconds each query runs, unmeasured, at the lowest rate before the first step, so that"
                    + " Spark's code generation and the JIT are behind us; 0 skips it (default: ${DEFAULT-VALUE}).")
    int jvmWarmup;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "benchmark/target/results",
            description = "Folder for results.md and latency.png (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Settings settings = settings();
        List<Series> series = Series.of(EnumSet.copyOf(apis), EnumSet.copyOf(queries));
        if (series.isEmpty()) {
            throw usage("--apis continuous alone needs --queries stateless: its map-only query stands beside the"
                    + " stateless ones.");
        }
        List<Integer> ascending = rates.stream().distinct().sorted().toList();
        Files.createDirectories(out);
        long began = System.nanoTime();
        SparkSession spark = session();
        Path work = Files.createTempDirectory("streamlab-benchmark-");
        String header = header(spark, settings);
        List<Result> results;
        try {
            System.out.println(header);
            results = RateLadder.climb(spark, series, ascending, settings, work, System.out);
        } finally {
            spark.stop();
            delete(work);
        }
        String table = ResultTable.markdown(results);
        String highest = "Highest rate sustained:\n" + ResultTable.highest(series, results);
        System.out.println();
        System.out.print(table);
        System.out.println(highest);
        Files.writeString(
                out.resolve("results.md"),
                "# Which API keeps up?\n\n```\n" + header + "```\n\n" + table + "\n```\n" + highest
                        + "\n```\n\n![latency against rate](latency.png)\n");
        LatencyChart.write(
                results,
                settings.batchSeconds() + " s batches and triggers, "
                        + Runtime.getRuntime().availableProcessors() + " cores",
                out.resolve("latency.png"));
        System.out.printf(
                Locale.ROOT,
                "%nWrote %s and %s (the run took %.1f minutes).%n",
                out.resolve("results.md"),
                out.resolve("latency.png"),
                (System.nanoTime() - began) / 60e9);
        return 0;
    }

    private Settings settings() {
        for (int rate : rates) {
            if (rate < 1 || rate > 1_000_000) {
                throw usage("--rates takes rates from 1 to 1000000 lines a second, not " + rate + ".");
            }
        }
        if (warmup < 0 || jvmWarmup < 0 || seconds < 1) {
            throw usage("--warmup and --jvm-warmup must be 0 or more, and --seconds 1 or more.");
        }
        if (batch != 1 && batch != 2) {
            throw usage("--batch must divide the windowed queries' window (10 s) and slide (2 s): give 1 or 2, not "
                    + batch + ".");
        }
        if (markers < 1 || markers > 1000) {
            throw usage("--markers takes 1 to 1000 marker lines a second, not " + markers + ".");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw usage("--out must be a folder, and " + out + " is a file.");
        }
        return new Settings(warmup, seconds, batch, markers, jvmWarmup);
    }

    /** Spark on this machine: the benchmark's tasks report to this JVM, so the master must be a local one. */
    private SparkSession session() {
        JavaVersionCheck.requireSupported();
        SparkConf conf = LabSpark.conf("Which API keeps up? (benchmark)", LabSpark.DEFAULT_MASTER);
        conf.setIfMissing("spark.ui.enabled", "false");
        String master = conf.get("spark.master");
        if (!master.startsWith("local")) {
            throw usage("The benchmark measures this machine: run it on a local master (local[2] unless"
                    + " -Dspark.master says otherwise), not " + master + ".");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        QuietStops.apply();
        return spark;
    }

    private String header(SparkSession spark, Settings settings) {
        return String.join(
                "\n",
                "Which API keeps up? DStream against Structured Streaming, on lines from netcat-sim on 127.0.0.1.",
                "Machine: "
                        + Machine.describe(spark.version(), spark.sparkContext().master()) + ".",
                "Each query runs alone at each rate (its own netcat-sim server, nothing else running in Spark), so",
                "that the APIs do not take cores from each other; a DStream receiver keeps one core for itself.",
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

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
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
