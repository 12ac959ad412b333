package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import ai.asyncjava.solutions.ch07.mutants.FlawedHedge;
import ai.asyncjava.solutions.ch07.mutants.FlawedHedge.Flaw;
import com.google.genai.Client;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The hedging checks pass on the reference and each catches a learner's mistake. */
class HedgedCallChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<BiFunction<Client, Duration, HedgedCall>>of(Chapter07.HEDGED_CALL, "HedgingCall", HedgingCall::new)
                .mutant("HedgesAtOnceCall", flawed(Flaw.HEDGES_AT_ONCE), "oneCopyWhenFast", "hedgesASlowCall")
                .mutant("NeverHedgesCall", flawed(Flaw.NEVER_HEDGES), "hedgesASlowCall")
                .mutant("NoCancelHedgedCall", flawed(Flaw.NO_CANCEL), "stopsTheLoser")
                .mutant("PlatformThreadsHedgedCall", flawed(Flaw.PLATFORM_THREADS), "stopsTheLoser")
                .mutant("WaitsForTheFirstCopyCall", flawed(Flaw.WAITS_FOR_THE_FIRST_COPY), "hedgesASlowCall")
                .tests();
    }

    private static BiFunction<Client, Duration, HedgedCall> flawed(Flaw flaw) {
        return (client, hedgeAfter) -> new FlawedHedge(client, hedgeAfter, flaw);
    }
}
