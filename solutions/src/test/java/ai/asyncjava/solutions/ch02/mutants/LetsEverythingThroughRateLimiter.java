package ai.asyncjava.solutions.ch02.mutants;

import ai.asyncjava.kit.exercises.ch02.RateLimiter;
import java.time.Duration;

/** Mutant: a limiter that limits nothing (the skeleton's acquire()), in front of real calls. */
public class LetsEverythingThroughRateLimiter implements RateLimiter {

    public LetsEverythingThroughRateLimiter(int limit, Duration interval) {
        // nothing to remember
    }

    @Override
    public void acquire() {
        // let it go
    }
}
