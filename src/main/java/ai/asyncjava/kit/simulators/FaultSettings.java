package ai.asyncjava.kit.simulators;

import java.time.Duration;
import java.util.Locale;

/**
 * What share of requests fail, and how. The choice for a request depends only on the seed, the
 * request's content and its attempt number, so a test sees the same faults on every run however
 * its requests interleave, and a retried request may succeed where the first attempt failed.
 *
 * @param seed          picks which requests fail
 * @param internalError share answered with 500 INTERNAL
 * @param unavailable   share answered with 503 UNAVAILABLE
 * @param hang          share held for {@code hangFor}, then answered with 504
 * @param drop          share whose connection is closed without an answer
 * @param hangFor       how long a hanging request is held
 */
public record FaultSettings(long seed, double internalError, double unavailable, double hang, double drop,
                            Duration hangFor) {

    /** The default time a hanging request is held: longer than a sensible client timeout. */
    public static final Duration DEFAULT_HANG = Duration.ofSeconds(30);

    public FaultSettings {
        for (double share : new double[] {internalError, unavailable, hang, drop}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("a fault share must be between 0 and 1, not " + share);
            }
        }
        if (internalError + unavailable + hang + drop > 1 + 1e-9) {
            throw new IllegalArgumentException("the fault shares add up to more than 1");
        }
    }

    /** No faults. */
    public static FaultSettings none() {
        return new FaultSettings(1, 0, 0, 0, 0, DEFAULT_HANG);
    }

    /**
     * Parses {@code 503=0.1,500=0.05,hang=0.01,drop=0.01} (shares between 0 and 1);
     * an empty text means no faults.
     */
    public static FaultSettings parse(String spec, long seed) {
        FaultSettings settings = none().withSeed(seed);
        if (spec == null || spec.isBlank()) {
            return settings;
        }
        for (String item : spec.split(",")) {
            String[] pair = item.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("'" + item + "' is not fault=share, e.g. 503=0.1");
            }
            settings = settings.withShare(Fault.fromLabel(pair[0].strip()), Double.parseDouble(pair[1].strip()));
        }
        return settings;
    }

    public FaultSettings withSeed(long newSeed) {
        return new FaultSettings(newSeed, internalError, unavailable, hang, drop, hangFor);
    }

    public FaultSettings withHangFor(Duration newHangFor) {
        return new FaultSettings(seed, internalError, unavailable, hang, drop, newHangFor);
    }

    /** The same settings with {@code fault} happening to {@code share} of requests. */
    public FaultSettings withShare(Fault fault, double share) {
        return switch (fault) {
            case INTERNAL_ERROR -> new FaultSettings(seed, share, unavailable, hang, drop, hangFor);
            case UNAVAILABLE -> new FaultSettings(seed, internalError, share, hang, drop, hangFor);
            case HANG -> new FaultSettings(seed, internalError, unavailable, share, drop, hangFor);
            case DROP -> new FaultSettings(seed, internalError, unavailable, hang, share, hangFor);
            case NONE -> this;
            case RESOURCE_EXHAUSTED, INVALID_ARGUMENT -> throw new IllegalArgumentException(
                    fault.label() + " is given to chosen requests (FaultPlan.failSubject), not to a share of them");
        };
    }

    /** True when no request will fail by chance. */
    public boolean isNone() {
        return internalError + unavailable + hang + drop == 0;
    }

    /** The fault for a point {@code u} in [0, 1): the shares are laid end to end. */
    Fault at(double u) {
        double edge = internalError;
        if (u < edge) {
            return Fault.INTERNAL_ERROR;
        }
        edge += unavailable;
        if (u < edge) {
            return Fault.UNAVAILABLE;
        }
        edge += hang;
        if (u < edge) {
            return Fault.HANG;
        }
        edge += drop;
        return u < edge ? Fault.DROP : Fault.NONE;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        return String.format(Locale.ROOT, "500=%s,503=%s,hang=%s,drop=%s (seed %d)",
                internalError, unavailable, hang, drop, seed);
    }
}
