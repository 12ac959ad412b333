package ai.asyncjava.kit.grading;

import java.time.Duration;

/**
 * The limits one submission was graded under, shown in its feedback so that a learner can
 * tell a slow machine from a slow solution.
 *
 * @param timeout   the wall-clock limit of the whole submission
 * @param memoryMb  the JVM's heap limit ({@code -Xmx}), in MiB
 * @param slowdown  the checks' slowdown factor in the parallel phase (the re-runs alone use 1)
 * @param jobs      how many submissions were graded at once
 * @param network   how the network was closed to learner code, or why it could not be
 */
public record GradingLimits(Duration timeout, long memoryMb, double slowdown, int jobs, String network) {}
