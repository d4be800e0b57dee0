package streamlab.benchmark;

import java.util.concurrent.TimeUnit;

/**
 * How each step runs.
 *
 * @param warmupSeconds    sending before the measured period begins (the first batches, code generation, the JIT)
 * @param seconds          the measured period
 * @param batchSeconds     the DStream batch interval, and the Structured trigger interval alike
 * @param markersPerSecond how many lines a second carry a marker word
 * @param jvmWarmupSeconds how long each query runs, unmeasured, before the first step (0: not at all)
 */
record Settings(int warmupSeconds, int seconds, int batchSeconds, int markersPerSecond, int jvmWarmupSeconds) {

    long batchMillis() {
        return TimeUnit.SECONDS.toMillis(batchSeconds);
    }

    /**
     * How long the lines keep coming after the measured period, so that its last markers have time to show: a
     * windowed DStream shows a count only every slide (2 s), after its batch.
     */
    long graceMillis() {
        return Math.max(TimeUnit.SECONDS.toMillis(3), 3 * batchMillis());
    }
}
