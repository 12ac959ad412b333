package ai.asyncjava.solutions.ch06;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import ai.asyncjava.kit.exercises.ch06.WorksSearchFactory;
import ai.asyncjava.solutions.ch06.mutants.FlawedSearch;
import ai.asyncjava.solutions.ch06.mutants.FlawedSearch.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The search tool's checks pass on the reference and each catches a mistake. */
class WorksSearchChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<WorksSearchFactory>of(Chapter06.SEARCH, "OpenAlexSearch", OpenAlexSearch::new)
                .mutant("NotEncodedSearch", flawed(Flaw.NOT_ENCODED), "queryIntact")
                .mutant("SortsByYearSearch", flawed(Flaw.SORTS_BY_YEAR), "resultsInOrder")
                .mutant("KeepsIndexSearch", flawed(Flaw.KEEPS_INDEX), "abstractsAsText")
                .mutant("IgnoresStatusSearch", flawed(Flaw.IGNORES_STATUS), "errorsThrow")
                .tests();
    }

    private static WorksSearchFactory flawed(Flaw flaw) {
        return (client, root) -> new FlawedSearch(client, root, flaw);
    }
}
