package streamlab.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@code ./bench} (a picocli mixin of {@link Benchmark}), and their checks. */
final class Options {

    /** --source: one path, or both in turn. */
    enum SourceChoice {
        SOCKET,
        KAFKA,
        ALL
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--source",
            paramLabel = "SOURCE",
            defaultValue = "all",
            description = "Where the lines come from: socket (netcat-sim, the labs' source), kafka (a topic of a broker"
                    + " the benchmark starts, the source production uses), or all: socket, then kafka"
                    + " (default: ${DEFAULT-VALUE}).")
    SourceChoice source;

    @Option(
            names = "--rates",
            split = ",",
            paramLabel = "N",
            description = "Lines per second to try, from the lowest up; a query that fell behind is not tried at"
                    + " higher rates (default: 5000,20000,100000,200000,500000 on the socket, 10000,100000,300000,600000 on"
                    + " Kafka).")
    List<Integer> rates;

    @Option(
            names = "--warmup",
            paramLabel = "S",
            defaultValue = "4",
            description = "Seconds of lines at each rate before the measuring begins (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "8",
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
            defaultValue = "dstream,structured,continuous,realtime",
            description = "Which APIs: dstream, structured, continuous (the continuous trigger) and realtime (real-time"
                    + " mode, Kafka only); the last two run a map-only query beside the stateless ones"
                    + " (default: ${DEFAULT-VALUE}).")
    List<Series.Api> apis;

    @Option(
            names = "--queries",
            split = ",",
            paramLabel = "QUERY",
            defaultValue = "stateless,windowed",
            description = "Which queries: stateless (word counts of each batch; on Kafka also a map-only query),"
                    + " windowed (word counts over 10 s every 2 s) (default: ${DEFAULT-VALUE}).")
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
            description = "Folder for results.md and the pictures (default: ${DEFAULT-VALUE}).")
    Path out;

    /** The checked settings of every step. */
    Settings settings() {
        for (int rate : rates == null ? List.<Integer>of() : rates) {
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

    /** The series to run on each chosen source, in order; a source with none is left out. */
    Map<Source, List<Series>> plan() {
        Map<Source, List<Series>> plan = new LinkedHashMap<>();
        for (Source s : Source.values()) {
            List<Series> series = Series.of(s, EnumSet.copyOf(apis), EnumSet.copyOf(queries));
            if ((source == SourceChoice.ALL || source.name().equals(s.name())) && !series.isEmpty()) {
                plan.put(s, series);
            }
        }
        if (plan.isEmpty()) {
            throw usage("Nothing to run: continuous and realtime have only a map-only query (--queries stateless),"
                    + " and realtime reads Kafka only (--source kafka or all).");
        }
        return plan;
    }

    /** The rates to try on a source, from the lowest up. */
    List<Integer> rates(Source s) {
        return (rates == null ? s.defaultRates : rates)
                .stream().distinct().sorted().toList();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
