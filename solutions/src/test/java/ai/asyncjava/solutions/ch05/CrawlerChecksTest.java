package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.exercises.ch05.CrawlerFactory;
import ai.asyncjava.solutions.ch05.mutants.FlawedCrawler;
import ai.asyncjava.solutions.ch05.mutants.FlawedCrawler.Flaw;
import ai.asyncjava.solutions.ch05.mutants.FlawedFetcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The crawler checks pass on the reference and on a crawler written another way, and each catches a mistake. */
class CrawlerChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<CrawlerFactory>of(Chapter05.CRAWLER, "BreadthFirstCrawler", BreadthFirstCrawler::new)
                .mutant("NeverEndsCrawler", flawed(Flaw.NEVER_ENDS), "returnsWithEndMarker")
                .mutant("HangsAfterBrokenPageCrawler", flawed(Flaw.DIES_ON_BROKEN_PAGE), "returnsWithEndMarker", "survivesBrokenPages")
                .mutant("EndMarkerPerWorkerCrawler", flawed(Flaw.END_MARKER_PER_WORKER), "returnsWithEndMarker")
                .mutant("EndMarkerFirstCrawler", flawed(Flaw.FINISHES_BEFORE_PASSING_ON), "returnsWithEndMarker")
                .mutant("NeverClosesClientCrawler", flawed(Flaw.NEVER_CLOSES_CLIENT), "returnsWithEndMarker")
                .mutant("NoRedirectsCrawler", flawed(Flaw.NO_REDIRECTS), "everyReachablePage")
                .mutant("CheckThenAddCrawler", flawed(Flaw.CHECK_THEN_ADD), "eachPageOnce")
                .mutant("NoNormalisingCrawler", withFetcher(FlawedFetcher.Flaw.KEEPS_TRAILING_SLASH), "eachPageOnce")
                .mutant("HostOnlyCrawler", withFetcher(FlawedFetcher.Flaw.HOST_ONLY), "staysOnTheSite")
                .mutant("AllSchemesCrawler", withFetcher(FlawedFetcher.Flaw.ALL_SCHEMES), "staysOnTheSite")
                .mutant("EmitsErrorPagesCrawler", withFetcher(FlawedFetcher.Flaw.IGNORES_STATUS), "emitsEachPageOnce")
                .mutant("BudgetOffByOneCrawler", flawed(Flaw.BUDGET_OFF_BY_ONE), "stopsAtMaxPages")
                .mutant("BudgetOneShortCrawler", flawed(Flaw.BUDGET_ONE_SHORT), "stopsAtMaxPages")
                .mutant("StackFrontierCrawler", flawed(Flaw.STACK_FRONTIER), "breadthFirst")
                .mutant("QuitsWhenQueueEmptyCrawler", flawed(Flaw.QUITS_WHEN_QUEUE_EMPTY), "workersAtOnce")
                .mutant("LockedFetchCrawler", flawed(Flaw.LOCKED_FETCH), "workersAtOnce")
                .mutant("TwoWorkersCrawler", flawed(Flaw.TWO_WORKERS), "workersAtOnce")
                .mutant("ClientPerRequestCrawler", withFetcher(FlawedFetcher.Flaw.OWN_CLIENT), "oneClient")
                .mutant("SpinningCrawler", flawed(Flaw.SPINS_ON_POLL), "waitsWithoutSpinning")
                .tests();
    }

    /** A correct crawler written another way (concurrent set, atomic budget, polling workers): it must pass. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAPollingCrawler() {
        return MutantProof.<CrawlerFactory>of(Chapter05.CRAWLER, "PollingCrawler", PollingCrawler::new).passingTests();
    }

    private static CrawlerFactory flawed(Flaw flaw) {
        return (workers, maxPages) -> new FlawedCrawler(workers, maxPages, flaw);
    }

    private static CrawlerFactory withFetcher(FlawedFetcher.Flaw flaw) {
        return (workers, maxPages) -> new FlawedCrawler(workers, maxPages, Integer.MAX_VALUE, Flaw.NONE, new FlawedFetcher(flaw));
    }
}
