package ai.asyncjava.solutions.ch02.mutants;

import java.time.Duration;

/** Mutant: never shuts its timer down, so every limiter leaves a thread behind. */
public class LeavesTimerRunningFifoLimiter extends FifoMutant {

    public LeavesTimerRunningFifoLimiter(int limit, Duration interval) {
        super(limit, interval);
    }

    @Override
    public void close() {
        // Nothing to do, or so it seems.
    }
}
