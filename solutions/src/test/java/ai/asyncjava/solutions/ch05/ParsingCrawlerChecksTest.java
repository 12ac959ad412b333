package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.checks.MutantProof;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.exercises.ch05.ParsingCrawlerFactory;
import ai.asyncjava.solutions.ch05.mutants.FlawedParsingCrawler;
import ai.asyncjava.solutions.ch05.mutants.ParsesOnWorkerCrawler;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The parse-off-thread checks pass on the reference and catch a crawler that still parses on its workers. */
class ParsingCrawlerChecksTest {

    @TestFactory
    Stream<DynamicTest> checksPassOnReferenceAndCatchMutants() {
        return MutantProof.<ParsingCrawlerFactory>of(Chapter05.PARSING_CRAWLER, "ParseOffThreadCrawler", ParseOffThreadCrawler::new)
                .mutant("ParsesOnWorkerCrawler", ParsesOnWorkerCrawler::new, "parsesOnTheParsers")
                .mutant("IgnoresParsersCrawler", (workers, maxPages, parsers) -> new BreadthFirstCrawler(workers, maxPages),
                        "parsesOnTheParsers")
                .mutant("ForgetsToFinishParsingCrawler", (workers, maxPages, parsers) -> new FlawedParsingCrawler(workers,
                        maxPages, parsers, FlawedParsingCrawler.Flaw.FORGETS_TO_FINISH), "returnsWithEndMarker")
                .mutant("ForgetsLinksParsingCrawler", (workers, maxPages, parsers) -> new FlawedParsingCrawler(workers,
                        maxPages, parsers, FlawedParsingCrawler.Flaw.FORGETS_LINKS), "stillCrawls")
                .tests();
    }
}
