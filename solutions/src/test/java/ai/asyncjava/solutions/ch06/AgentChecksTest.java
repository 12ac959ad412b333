package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import ai.asyncjava.kit.exercises.ch06.ResearchAgentFactory;
import ai.asyncjava.solutions.ch06.mutants.FlawedAgent;
import ai.asyncjava.solutions.ch06.mutants.FlawedAgent.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The agent checks pass on the reference and each catches a learner's mistake. */
class AgentChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<ResearchAgentFactory>of(Chapter06.AGENT, "StreamingResearchAgent", StreamingResearchAgent::new)
                .mutant("RebuildsPartsAgent", flawed(Flaw.REBUILDS_PARTS), "conversationAccepted")
                .mutant("NoIdsAgent", flawed(Flaw.NO_IDS), "conversationAccepted")
                .mutant("DropsFailedResponsesAgent", flawed(Flaw.DROPS_FAILED_RESPONSES), "conversationAccepted")
                .mutant("PairsInFinishingOrderAgent", flawed(Flaw.PAIRS_IN_FINISHING_ORDER), "eachCallGetsItsOwnResult")
                .mutant("LastChunkOnlyAgent", flawed(Flaw.LAST_CHUNK_ONLY), "returnsTheAnswer")
                .mutant("OneRoundAgent", flawed(Flaw.ONE_ROUND), "roundsUntilTheAnswer", "returnsTheAnswer")
                .mutant("SearchesAfterStreamAgent", flawed(Flaw.SEARCHES_AFTER_STREAM), "startsSearchesAsCallsAppear")
                .mutant("OneSearchAtATimeAgent", flawed(Flaw.ONE_SEARCH_AT_A_TIME), "searchesAtOnce")
                .mutant("CrashesOnFailedSearchAgent", flawed(Flaw.CRASHES_ON_FAILED_SEARCH), "failedAndHangingSearches")
                .mutant("NoTimeoutAgent", flawed(Flaw.NO_TIMEOUT), "failedAndHangingSearches")
                .mutant("NoMaxRoundsAgent", flawed(Flaw.NO_MAX_ROUNDS), "stopsAfterMaxRounds")
                .tests();
    }

    /** A correct agent written another way (responses in finishing order, under their own ids): it must pass. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAnAgentThatAnswersInFinishingOrder() {
        return MutantProof.<ResearchAgentFactory>of(Chapter06.AGENT, "CompletionOrderAgent", CompletionOrderAgent::new)
                .passingTests();
    }

    private static ResearchAgentFactory flawed(Flaw flaw) {
        return (client, search, maxRounds, timeout) -> new FlawedAgent(client, search, maxRounds, timeout, flaw);
    }
}
