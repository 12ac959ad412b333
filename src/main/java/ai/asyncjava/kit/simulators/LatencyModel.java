package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How long a simulated call takes: a fixed delay, a uniform range, or a log-normal spread
 * (the long right tail real model APIs show). Write one with {@link #parse(String)} or the factories.
 */
public sealed interface LatencyModel {

    /** Draws one delay. */
    Duration sample(RandomGenerator random);

    /** The same shape with every delay multiplied by {@code factor} (time-scale for tests and demos). */
    LatencyModel scaled(double factor);

    /** The typical delay, for messages. */
    Duration typical();

    /** No delay at all. */
    static LatencyModel none() {
        return new Fixed(Duration.ZERO);
    }

    /** Always {@code delay}. */
    static LatencyModel fixed(Duration delay) {
        return new Fixed(delay);
    }

    /** Evenly spread between {@code min} and {@code max}. */
    static LatencyModel uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /** Log-normal around {@code median}; {@code sigma} 0.25 is a mild tail, 1.0 a heavy one. */
    static LatencyModel logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    /**
     * Parses {@code 0}, {@code 500ms} or {@code fixed:500ms}, {@code uniform:200ms..800ms},
     * {@code lognormal:900ms,0.3}.
     */
    static LatencyModel parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("fixed:")) {
                return fixed(Durations.parse(s.substring(6)));
            }
            if (s.startsWith("uniform:")) {
                String[] range = s.substring(8).split("\\.\\.");
                return uniform(Durations.parse(range[0]), Durations.parse(range[1]));
            }
            if (s.startsWith("lognormal:")) {
                String[] parts = s.substring(10).split(",");
                return logNormal(Durations.parse(parts[0]), Double.parseDouble(parts[1]));
            }
            return fixed(Durations.parse(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a latency; write fixed:500ms, "
                    + "uniform:200ms..800ms or lognormal:900ms,0.3", e);
        }
    }

    /** Always the same delay. */
    record Fixed(Duration delay) implements LatencyModel {
        public Fixed {
            requireNotNegative(delay);
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return delay;
        }

        @Override
        public LatencyModel scaled(double factor) {
            return new Fixed(times(delay, factor));
        }

        @Override
        public Duration typical() {
            return delay;
        }

        @Override
        public String toString() {
            return "fixed:" + Durations.human(delay).replace(" ", "");
        }
    }

    /** Any delay between min and max, equally likely. */
    record Uniform(Duration min, Duration max) implements LatencyModel {
        public Uniform {
            requireNotNegative(min);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("uniform latency: max " + max + " is below min " + min);
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            long span = max.toNanos() - min.toNanos();
            return span == 0 ? min : min.plusNanos(random.nextLong(span + 1));
        }

        @Override
        public LatencyModel scaled(double factor) {
            return new Uniform(times(min, factor), times(max, factor));
        }

        @Override
        public Duration typical() {
            return min.plus(max).dividedBy(2);
        }

        @Override
        public String toString() {
            return "uniform:" + Durations.human(min).replace(" ", "") + ".." + Durations.human(max).replace(" ", "");
        }
    }

    /** exp(N(ln median, sigma²)): most calls near the median, a few much slower. */
    record LogNormal(Duration median, double sigma) implements LatencyModel {
        public LogNormal {
            requireNotNegative(median);
            if (sigma < 0) {
                throw new IllegalArgumentException("log-normal latency: sigma must not be negative");
            }
        }

        @Override
        public Duration sample(RandomGenerator random) {
            return times(median, Math.exp(sigma * random.nextGaussian()));
        }

        @Override
        public LatencyModel scaled(double factor) {
            return new LogNormal(times(median, factor), sigma);
        }

        @Override
        public Duration typical() {
            return median;
        }

        @Override
        public String toString() {
            return "lognormal:" + Durations.human(median).replace(" ", "") + "," + sigma;
        }
    }

    private static Duration times(Duration duration, double factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("a time-scale factor cannot be negative: " + factor);
        }
        return Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    private static void requireNotNegative(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative: " + delay);
        }
    }
}
