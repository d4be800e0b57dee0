package streamlab.netcat;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters that turn bad values into one clear sentence (the lab programs use them too). */
public final class CliConverters {

    private CliConverters() {}

    /** {@code 500ms}, {@code 0.5s}, {@code 2s}, {@code 1m}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code LO..HI}. */
    public static final class RangeConverter implements ITypeConverter<IntRange> {
        @Override
        public IntRange convert(String value) {
            try {
                return IntRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Lines per second: a number, 0 or more. */
    static final class RateConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double rate;
            try {
                rate = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (Double.isNaN(rate) || Double.isInfinite(rate) || rate < 0) {
                throw new TypeConversionException("bad rate '" + value
                        + "': give lines per second as a number, 0 or more (0 = as fast as possible), e.g. --rate 5");
            }
            return rate;
        }
    }

    /** A TCP port, 0 to 65535 (0: any free port). */
    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new TypeConversionException("bad port '" + value + "': use a number from 1 to 65535, e.g. 9999");
        }
    }
}
