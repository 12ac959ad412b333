package ai.asyncjava.solutions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.CheckResult;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.checks.ch01.Chapter01;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.kit.exercises.ch02.AsyncRateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.RateLimiterFactory;
import ai.asyncjava.kit.exercises.ch02.TokenBucketFactory;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import ai.asyncjava.kit.exercises.ch04.BatcherFactory;
import ai.asyncjava.kit.exercises.ch04.PipelineFactory;
import ai.asyncjava.kit.exercises.ch05.CrawlerFactory;
import ai.asyncjava.kit.exercises.ch05.DepthLimitedCrawlerFactory;
import ai.asyncjava.kit.exercises.ch05.ParsingCrawlerFactory;
import ai.asyncjava.kit.exercises.ch06.ResearchAgentFactory;
import ai.asyncjava.kit.exercises.ch06.WorksSearchFactory;
import ai.asyncjava.kit.exercises.ch07.AnswerServiceFactory;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import ai.asyncjava.kit.exercises.ch07.RagPipelineFactory;
import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import ai.asyncjava.solutions.ch00.CancellingTimeoutCall;
import ai.asyncjava.solutions.ch00.CompletionServiceFirstAnswers;
import ai.asyncjava.solutions.ch00.SemaphoreFanOut;
import ai.asyncjava.solutions.ch00.VirtualThreadFanOut;
import ai.asyncjava.solutions.ch01.AsyncFuturesFanOut;
import ai.asyncjava.solutions.ch01.CappedFanOut;
import ai.asyncjava.solutions.ch01.VirtualThreadsFanOut;
import ai.asyncjava.solutions.ch02.FifoRateLimiter;
import ai.asyncjava.solutions.ch02.LimitedGeminiFanOut;
import ai.asyncjava.solutions.ch02.SlidingWindowRateLimiter;
import ai.asyncjava.solutions.ch02.TokenBucketRateLimiter;
import ai.asyncjava.solutions.ch03.CountingQueuePipeline;
import ai.asyncjava.solutions.ch03.JsonLinesShardWriter;
import ai.asyncjava.solutions.ch03.QueuePipeline;
import ai.asyncjava.solutions.ch03.ShardFileSource;
import ai.asyncjava.solutions.ch04.AdaptiveBatcher;
import ai.asyncjava.solutions.ch04.BatchEmbedder;
import ai.asyncjava.solutions.ch04.BatchedEmbeddingPipeline;
import ai.asyncjava.solutions.ch04.SizeOrTimeoutBatcher;
import ai.asyncjava.solutions.ch05.BreadthFirstCrawler;
import ai.asyncjava.solutions.ch05.ParseOffThreadCrawler;
import ai.asyncjava.solutions.ch05.PoliteCrawler;
import ai.asyncjava.solutions.ch05.ShopPageFetcher;
import ai.asyncjava.solutions.ch06.InvertedIndexAbstract;
import ai.asyncjava.solutions.ch06.OpenAlexSearch;
import ai.asyncjava.solutions.ch06.SearchDeclaration;
import ai.asyncjava.solutions.ch06.StreamingResearchAgent;
import ai.asyncjava.solutions.ch07.BackoffRetrier;
import ai.asyncjava.solutions.ch07.BudgetedChain;
import ai.asyncjava.solutions.ch07.HedgingCall;
import ai.asyncjava.solutions.ch07.ParallelRag;
import ai.asyncjava.solutions.ch07.SettleAllFanOut;
import ai.asyncjava.solutions.ch07.SseAnswerService;
import ai.asyncjava.solutions.ch07.StreamingRelay;
import com.google.genai.Client;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not part of the build: runs every exercise's checks against its reference
 * solution {@code course.series} times in a row and prints, per exercise, how many runs passed
 * and how long its checks took (fastest, median, slowest), with the slowest check. A run with
 * failures prints their messages and fails.
 *
 * <pre>
 * mvn -B -pl src,solutions -am verify -Dtest=ReferenceSeriesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcourse.series=20 [-Dcourse.series.only=Chapter03] [-Dcourse.checks.slowdown=2]
 * </pre>
 */
@EnabledIfSystemProperty(named = "course.series", matches = "\\d+")
class ReferenceSeriesTest {

    private record Reference(String chapter, Exercise exercise, Object factory) {}

    private static List<Reference> references() {
        List<Reference> all = new ArrayList<>();
        all.add(new Reference("Chapter00", Chapter00.FAN_OUT, (Supplier<?>) VirtualThreadFanOut::new));
        all.add(new Reference("Chapter00", Chapter00.BOUNDED_FAN_OUT, (Supplier<?>) SemaphoreFanOut::new));
        all.add(new Reference("Chapter00", Chapter00.TIMEOUT_CALL, (Supplier<?>) CancellingTimeoutCall::new));
        all.add(new Reference("Chapter00", Chapter00.FIRST_ANSWERS, (Supplier<?>) CompletionServiceFirstAnswers::new));
        all.add(new Reference("Chapter01", Chapter01.PROMPT_FAN_OUT,
                (Function<Client.Builder, PromptFanOut>) VirtualThreadsFanOut::new));
        all.add(new Reference("Chapter01", Chapter01.PROMPT_FAN_OUT,
                (Function<Client.Builder, PromptFanOut>) AsyncFuturesFanOut::new));
        all.add(new Reference("Chapter01", Chapter01.CAPPED_FAN_OUT,
                (BiFunction<Client.Builder, Integer, PromptFanOut>) CappedFanOut::new));
        all.add(new Reference("Chapter02", Chapter02.SLIDING_WINDOW, (RateLimiterFactory) SlidingWindowRateLimiter::new));
        all.add(new Reference("Chapter02", Chapter02.LIMITED_CALLS,
                new Chapter02.LimitedCalls(SlidingWindowRateLimiter::new, LimitedGeminiFanOut::new)));
        all.add(new Reference("Chapter02", Chapter02.TOKEN_BUCKET, (TokenBucketFactory) TokenBucketRateLimiter::new));
        all.add(new Reference("Chapter02", Chapter02.FIFO, (AsyncRateLimiterFactory) FifoRateLimiter::new));
        all.add(new Reference("Chapter03", Chapter03.SOURCE, (Function<Path, PromptSource>) ShardFileSource::new));
        all.add(new Reference("Chapter03", Chapter03.SHARD_WRITER,
                (BiFunction<Path, Integer, AnswerSink>) JsonLinesShardWriter::new));
        all.add(new Reference("Chapter03", Chapter03.PIPELINE, (Supplier<?>) QueuePipeline::new));
        all.add(new Reference("Chapter03", Chapter03.COUNTING_PIPELINE, (Supplier<?>) CountingQueuePipeline::new));
        all.add(new Reference("Chapter04", Chapter04.BATCHER, (BatcherFactory) SizeOrTimeoutBatcher::new));
        all.add(new Reference("Chapter04", Chapter04.EMBEDDING_STAGE, (Supplier<?>) BatchEmbedder::new));
        all.add(new Reference("Chapter04", Chapter04.PIPELINE, (PipelineFactory) BatchedEmbeddingPipeline::new));
        all.add(new Reference("Chapter04", Chapter04.ADAPTIVE_BATCHER, (BatcherFactory) AdaptiveBatcher::new));
        all.add(new Reference("Chapter05", Chapter05.PAGE_FETCHER, (Supplier<?>) ShopPageFetcher::new));
        all.add(new Reference("Chapter05", Chapter05.CRAWLER, (CrawlerFactory) BreadthFirstCrawler::new));
        all.add(new Reference("Chapter05", Chapter05.DEPTH_LIMIT, (DepthLimitedCrawlerFactory) BreadthFirstCrawler::new));
        all.add(new Reference("Chapter05", Chapter05.POLITE_CRAWLER,
                new Chapter05.PoliteSetup(PoliteCrawler::new, SlidingWindowRateLimiter::new)));
        all.add(new Reference("Chapter05", Chapter05.PARSING_CRAWLER, (ParsingCrawlerFactory) ParseOffThreadCrawler::new));
        all.add(new Reference("Chapter06", Chapter06.ABSTRACTS, (Supplier<?>) InvertedIndexAbstract::new));
        all.add(new Reference("Chapter06", Chapter06.SEARCH, (WorksSearchFactory) OpenAlexSearch::new));
        all.add(new Reference("Chapter06", Chapter06.DECLARATION, (Supplier<?>) SearchDeclaration::declaration));
        all.add(new Reference("Chapter06", Chapter06.AGENT, (ResearchAgentFactory) StreamingResearchAgent::new));
        all.add(new Reference("Chapter07", Chapter07.DEADLINE_CHAIN, (Function<Client, DeadlineChain>) BudgetedChain::new));
        all.add(new Reference("Chapter07", Chapter07.RETRIER, (Function<RetryPolicy, Retrier>) BackoffRetrier::new));
        all.add(new Reference("Chapter07", Chapter07.SETTLED_FAN_OUT, (Function<Client, SettledFanOut>) SettleAllFanOut::new));
        all.add(new Reference("Chapter07", Chapter07.HEDGED_CALL, (BiFunction<Client, Duration, HedgedCall>) HedgingCall::new));
        all.add(new Reference("Chapter07", Chapter07.TOKEN_RELAY, (Function<Client, TokenRelay>) StreamingRelay::new));
        all.add(new Reference("Chapter07", Chapter07.RAG, (RagPipelineFactory) ParallelRag::new));
        all.add(new Reference("Chapter07", Chapter07.ANSWER_SERVICE, (AnswerServiceFactory) SseAnswerService::start));
        return all;
    }

    @Test
    void referencesPassEveryRun() {
        int runs = Integer.parseInt(System.getProperty("course.series"));
        String only = System.getProperty("course.series.only", "");
        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%d runs of each exercise's checks against its reference, slowdown %.1f%n%-48s %7s %7s %7s %7s  %s%n",
                runs, Tolerances.slowdown(), "exercise", "passed", "fastest", "median", "slowest", "slowest check (its longest run)"));
        for (Reference reference : references()) {
            if (!only.isEmpty() && !only.contains(reference.chapter())) {
                continue;
            }
            List<Long> millis = new ArrayList<>();
            Map<String, Long> longestPerCheck = new LinkedHashMap<>();
            int passed = 0;
            for (int run = 1; run <= runs; run++) {
                CheckReport report = reference.exercise().check(reference.factory());
                millis.add(report.millis());
                for (CheckResult result : report.results()) {
                    longestPerCheck.merge(result.check(), result.millis(), Math::max);
                }
                if (report.allPassed()) {
                    passed++;
                } else {
                    failures.add("run " + run + " of " + reference.exercise().title() + ":\n" + report.plainText());
                }
            }
            millis.sort(null);
            Map.Entry<String, Long> slowest = longestPerCheck.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            table.append(String.format(Locale.ROOT, "%-48s %3d/%-3d %5.1f s %5.1f s %5.1f s  %s (%d ms)%n",
                    shorten(reference.exercise().title()), passed, runs, millis.getFirst() / 1000.0,
                    millis.get(millis.size() / 2) / 1000.0, millis.getLast() / 1000.0, shorten(slowest.getKey()),
                    slowest.getValue()));
        }
        System.out.println(table);
        failures.forEach(System.out::println);
        assertTrue(failures.isEmpty(), failures.size() + " runs failed; see the output");
    }

    private static String shorten(String text) {
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }
}
