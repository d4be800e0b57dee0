package streamlab.benchmark;

import java.util.List;

/**
 * What one step measured: one series at one rate.
 *
 * @param fellBehind why the query did not keep up, or null when it did
 * @param p50        the median latency, or null when no marker was sent in the measured period
 * @param state      the state the query kept over the step (windowed queries only)
 */
record Result(
        int rate,
        Series series,
        String fellBehind,
        double sentPerSecond,
        double processedPerSecond,
        Latency p50,
        Latency p99,
        List<StateSample> state) {

    boolean sustained() {
        return fellBehind == null;
    }
}
