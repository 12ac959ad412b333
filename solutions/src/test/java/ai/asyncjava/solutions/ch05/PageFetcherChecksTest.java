package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.exercises.ch05.PageFetcher;
import ai.asyncjava.solutions.ch05.mutants.FlawedFetcher;
import ai.asyncjava.solutions.ch05.mutants.FlawedFetcher.Flaw;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The page fetcher checks pass on the reference and each catches a learner's mistake. */
class PageFetcherChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<Supplier<? extends PageFetcher>>of(Chapter05.PAGE_FETCHER, "ShopPageFetcher", ShopPageFetcher::new)
                .mutant("HostOnlyFetcher", flawed(Flaw.HOST_ONLY), "onlySameHostWebLinks")
                .mutant("AllSchemesFetcher", flawed(Flaw.ALL_SCHEMES), "onlySameHostWebLinks")
                .mutant("KeepsFragmentsFetcher", flawed(Flaw.KEEPS_FRAGMENTS), "oneSpellingPerLink")
                .mutant("KeepsTrackingFetcher", flawed(Flaw.KEEPS_TRACKING), "oneSpellingPerLink")
                .mutant("KeepsTrailingSlashFetcher", flawed(Flaw.KEEPS_TRAILING_SLASH), "oneSpellingPerLink")
                .mutant("DropsQueryFetcher", flawed(Flaw.DROPS_QUERY), "everyLink")
                .mutant("AbsoluteHrefsOnlyFetcher", flawed(Flaw.ABSOLUTE_HREFS_ONLY), "everyLink")
                .mutant("ResolvesAgainstRequestFetcher", flawed(Flaw.RESOLVES_AGAINST_REQUEST), "followsTheRedirect")
                .mutant("IgnoresStatusFetcher", flawed(Flaw.IGNORES_STATUS), "errorStatusThrows")
                .mutant("OwnClientFetcher", flawed(Flaw.OWN_CLIENT), "oneRequestPerFetch")
                .mutant("NoUserAgentFetcher", flawed(Flaw.NO_USER_AGENT), "oneRequestPerFetch")
                .tests();
    }

    /** A correct fetcher written another way (URI.resolve, a stream body, a regular expression): it must pass. */
    @TestFactory
    Stream<DynamicTest> checksPassOnAnAlternativeFetcher() {
        return MutantProof.<Supplier<? extends PageFetcher>>of(Chapter05.PAGE_FETCHER, "AlternativeFetcher",
                AlternativeFetcher::new).passingTests();
    }

    private static Supplier<? extends PageFetcher> flawed(Flaw flaw) {
        return () -> new FlawedFetcher(flaw);
    }
}
