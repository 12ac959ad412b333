package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.exercises.ch05.DepthLimitedCrawlerFactory;
import ai.asyncjava.solutions.ch05.mutants.FlawedCrawler;
import ai.asyncjava.solutions.ch05.mutants.FlawedCrawler.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The depth-limit checks pass on the reference and catch a crawler that goes one level too deep or ignores the limit. */
class DepthLimitChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<DepthLimitedCrawlerFactory>of(Chapter05.DEPTH_LIMIT, "BreadthFirstCrawler", BreadthFirstCrawler::new)
                .mutant("DepthOffByOneCrawler", flawed(Flaw.DEPTH_OFF_BY_ONE), "nothingDeeper")
                .mutant("IgnoresDepthCrawler", flawed(Flaw.IGNORES_DEPTH), "nothingDeeper")
                .mutant("NeverEndsDepthCrawler", flawed(Flaw.NEVER_ENDS), "returnsWithEndMarker")
                .mutant("CheckThenAddDepthCrawler", flawed(Flaw.CHECK_THEN_ADD), "eachPageOnce")
                .mutant("TooShallowCrawler", (workers, maxPages, maxDepth) ->
                        new FlawedCrawler(workers, maxPages, Math.max(0, maxDepth - 1), Flaw.NONE), "everythingWithin")
                .tests();
    }

    private static DepthLimitedCrawlerFactory flawed(Flaw flaw) {
        return (workers, maxPages, maxDepth) -> new FlawedCrawler(workers, maxPages, maxDepth, flaw);
    }
}
