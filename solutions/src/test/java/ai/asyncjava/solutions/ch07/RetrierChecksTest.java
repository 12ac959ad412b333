package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import ai.asyncjava.solutions.ch07.mutants.FlawedRetrier;
import ai.asyncjava.solutions.ch07.mutants.FlawedRetrier.Flaw;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The retrier's checks pass on the reference and each catches a learner's mistake. */
class RetrierChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<RetryPolicy, Retrier>>of(Chapter07.RETRIER, "BackoffRetrier", BackoffRetrier::new)
                .mutant("NoRetryRetrier", flawed(Flaw.NO_RETRY), "retriesWhatMayPass")
                .mutant("RetriesOnly5xxRetrier", flawed(Flaw.RETRIES_ONLY_5XX), "retriesWhatMayPass")
                .mutant("RetriesEverythingRetrier", flawed(Flaw.RETRIES_EVERYTHING), "neverRetriesABadRequest")
                .mutant("OneAttemptTooManyRetrier", flawed(Flaw.ONE_ATTEMPT_TOO_MANY), "givesUpAfterMaxAttempts")
                .mutant("WrapsTheFailureRetrier", flawed(Flaw.WRAPS_THE_FAILURE), "givesUpAfterMaxAttempts",
                        "neverRetriesABadRequest")
                .mutant("NoJitterRetrier", flawed(Flaw.NO_JITTER), "backsOffWithFullJitter")
                .mutant("NoBackoffRetrier", flawed(Flaw.NO_BACKOFF), "backsOffWithFullJitter")
                .mutant("JitterOnTopRetrier", flawed(Flaw.JITTER_ON_TOP), "backsOffWithFullJitter")
                .mutant("IgnoresRetryInfoRetrier", flawed(Flaw.IGNORES_RETRY_INFO), "honoursRetryInfo")
                .mutant("IgnoresBudgetRetrier", flawed(Flaw.IGNORES_BUDGET), "staysWithinItsBudget")
                .mutant("SwallowsInterruptRetrier", flawed(Flaw.SWALLOWS_INTERRUPT), "stopsWhenInterrupted")
                .tests();
    }

    private static Function<RetryPolicy, Retrier> flawed(Flaw flaw) {
        return policy -> new FlawedRetrier(policy, flaw);
    }
}
