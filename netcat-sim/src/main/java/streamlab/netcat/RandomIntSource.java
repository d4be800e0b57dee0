package streamlab.netcat;

import java.time.Duration;
import java.util.SplittableRandom;

/** Endless random whole numbers in a range, one every interval. */
final class RandomIntSource implements LineSource {

    private final IntRange range;
    private final Duration every;
    private final SplittableRandom random;
    private boolean first = true;

    RandomIntSource(IntRange range, Duration every, long seed) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(
                    "bad interval '" + Durations.format(every) + "': it must be more than zero, e.g. --every 2s");
        }
        this.range = range;
        this.every = every;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public TimedLine next() {
        long value = random.nextLong(range.lo(), (long) range.hi() + 1);
        Duration delay = first ? Duration.ZERO : every;
        first = false;
        return new TimedLine(delay, Long.toString(value));
    }
}
