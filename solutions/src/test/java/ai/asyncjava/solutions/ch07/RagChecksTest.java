package ai.asyncjava.solutions.ch07;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch07.RagPipelineFactory;
import ai.asyncjava.solutions.ch07.mutants.FlawedRag;
import ai.asyncjava.solutions.ch07.mutants.FlawedRag.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The RAG checks pass on the reference and each catches a learner's mistake. */
class RagChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<RagPipelineFactory>of(Chapter07.RAG, "ParallelRag", ParallelRag::new)
                .mutant("OneSearchAfterTheOtherRag", flawed(Flaw.ONE_SEARCH_AFTER_THE_OTHER), "searchesAtOnce")
                .mutant("VectorOnlyRag", flawed(Flaw.VECTOR_ONLY), "answersFromTheFusedDocuments")
                .mutant("FusesScoresRag", flawed(Flaw.FUSES_SCORES), "answersFromTheFusedDocuments")
                .mutant("FailsWithASearchRag", flawed(Flaw.FAILS_WITH_A_SEARCH), "oneSearchFails", "lateSearchIsCut")
                .mutant("NoTimeoutRag", flawed(Flaw.NO_TIMEOUT), "lateSearchIsCut")
                .mutant("NoIdsInThePromptRag", flawed(Flaw.NO_IDS_IN_THE_PROMPT), "answersFromTheFusedDocuments")
                .mutant("AnswersWithoutDocumentsRag", flawed(Flaw.ANSWERS_WITHOUT_DOCUMENTS), "bothSearchesFail")
                .tests();
    }

    private static RagPipelineFactory flawed(Flaw flaw) {
        return (gemini, http, searches, timeout) -> new FlawedRag(gemini, http, searches, timeout, flaw);
    }
}
