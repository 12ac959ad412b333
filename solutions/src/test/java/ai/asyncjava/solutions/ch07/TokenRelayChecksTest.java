package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import ai.asyncjava.solutions.ch07.mutants.FlawedRelay;
import ai.asyncjava.solutions.ch07.mutants.FlawedRelay.Flaw;
import com.google.genai.Client;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The relay checks pass on the reference and each catches a learner's mistake. */
class TokenRelayChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Function<Client, TokenRelay>>of(Chapter07.TOKEN_RELAY, "StreamingRelay", StreamingRelay::new)
                .mutant("CollectsFirstRelay", flawed(Flaw.COLLECTS_FIRST), "passesPiecesOnAsTheyCome")
                .mutant("NotStreamedRelay", flawed(Flaw.NOT_STREAMED), "passesPiecesOnAsTheyCome")
                .mutant("KeepsReadingRelay", flawed(Flaw.KEEPS_READING), "stopsWhenTheSinkHasEnough")
                .mutant("NeverClosesRelay", flawed(Flaw.NEVER_CLOSES), "stopsWhenTheSinkHasEnough")
                .mutant("StripsPiecesRelay", flawed(Flaw.STRIPS_PIECES), "returnsTheWholeAnswer")
                .mutant("IgnoresTheSinkRelay", flawed(Flaw.IGNORES_THE_SINK), "stopsWhenTheSinkHasEnough")
                .tests();
    }

    private static Function<Client, TokenRelay> flawed(Flaw flaw) {
        return client -> new FlawedRelay(client, flaw);
    }
}
