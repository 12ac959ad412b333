package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.solutions.ch02.SlidingWindowRateLimiter;
import ai.asyncjava.solutions.ch05.mutants.FlawedCrawler;
import ai.asyncjava.solutions.ch05.mutants.FlawedPoliteFetcher;
import ai.asyncjava.solutions.ch05.mutants.FlawedPoliteFetcher.Flaw;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The polite crawler checks pass on the reference and each catches a crawler with poorer manners. */
class PoliteCrawlerChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.of(Chapter05.POLITE_CRAWLER, "PoliteCrawler",
                        new Chapter05.PoliteSetup(PoliteCrawler::new, SlidingWindowRateLimiter::new))
                .mutant("NoRobotsPoliteCrawler", flawed(Flaw.NO_ROBOTS), "robotsFirst", "obeysRobots")
                .mutant("RobotsPerPagePoliteCrawler", flawed(Flaw.ROBOTS_PER_PAGE), "robotsFirst")
                .mutant("IgnoresRulesPoliteCrawler", flawed(Flaw.IGNORES_RULES), "obeysRobots")
                .mutant("RefusesAtFetchOnlyPoliteCrawler", flawed(Flaw.REFUSES_AT_FETCH_ONLY), "stillCrawls")
                .mutant("RedirectWithoutPermitPoliteCrawler", flawed(Flaw.REDIRECT_WITHOUT_PERMIT), "underTheLimit")
                .mutant("UnlimitedPoliteCrawler", flawed(Flaw.NO_LIMITER), "underTheLimit")
                .mutant("LimiterPerRequestPoliteCrawler", flawed(Flaw.LIMITER_PER_REQUEST), "underTheLimit")
                .mutant("PlainCrawlerAsPolite", new Chapter05.PoliteSetup(
                        (workers, maxPages, limit) -> new BreadthFirstCrawler(workers, maxPages),
                        SlidingWindowRateLimiter::new), "robotsFirst")
                .tests();
    }

    private static Chapter05.PoliteSetup flawed(Flaw flaw) {
        return new Chapter05.PoliteSetup((workers, maxPages, limit) -> new FlawedCrawler(workers, maxPages,
                Integer.MAX_VALUE, FlawedCrawler.Flaw.NONE, new FlawedPoliteFetcher(limit, flaw)),
                SlidingWindowRateLimiter::new);
    }
}
