package streamlab.netcat;

import java.time.Duration;

/** Turns a rate in lines per second into the time between two lines. */
final class Rates {

    private Rates() {}

    /** 0 means as fast as possible (no wait); e.g. 5 gives 200 ms, 0.5 gives 2 s. */
    static Duration interval(double linesPerSecond) {
        if (Double.isNaN(linesPerSecond) || Double.isInfinite(linesPerSecond) || linesPerSecond < 0) {
            throw new IllegalArgumentException("bad rate '" + linesPerSecond
                    + "': give lines per second as a number, 0 or more (0 = as fast as possible), e.g. --rate 5");
        }
        if (linesPerSecond == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1L, Math.round(1e9 / linesPerSecond)));
    }
}
