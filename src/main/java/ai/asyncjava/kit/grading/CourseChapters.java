package ai.asyncjava.kit.grading;

import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.checks.ch00.Chapter00;
import ai.asyncjava.kit.checks.ch01.Chapter01;
import ai.asyncjava.kit.checks.ch02.Chapter02;
import ai.asyncjava.kit.checks.ch03.Chapter03;
import ai.asyncjava.kit.checks.ch04.Chapter04;
import ai.asyncjava.kit.checks.ch05.Chapter05;
import ai.asyncjava.kit.checks.ch06.Chapter06;
import ai.asyncjava.kit.checks.ch07.Chapter07;
import java.util.List;
import java.util.Optional;

/**
 * The graded chapters and the kit's own copy of every check cell. A test holds these calls
 * equal to the check cells of the released notebooks; the grader runs these, never the
 * submission's.
 */
public final class CourseChapters {

    /** What a released notebook's {@code metadata.course.course} says: this course. */
    public static final String COURSE = "async-java-for-ai";

    private static final List<GradedChapter> ALL = List.of(
            new GradedChapter("00", "Java's answer to asyncio", "00-the-basics.ipynb", List.of(
                    exercise("fan-out", Chapter00.FAN_OUT, "ch00.Chapter00.checkFanOut(VirtualThreadFanOut::new)"),
                    exercise("bounded-fan-out", Chapter00.BOUNDED_FAN_OUT,
                            "ch00.Chapter00.checkBoundedFanOut(SemaphoreFanOut::new)"),
                    exercise("timeout-call", Chapter00.TIMEOUT_CALL,
                            "ch00.Chapter00.checkTimeoutCall(CancellingTimeoutCall::new)"),
                    exercise("first-answers", Chapter00.FIRST_ANSWERS,
                            "ch00.Chapter00.checkFirstAnswers(CompletionServiceFirstAnswers::new)"))),
            new GradedChapter("01", "LLM responses", "01-llm-responses.ipynb", List.of(
                    new GradedExercise("prompt-fan-out-threads", "Step 3, PromptFanOut on virtual threads",
                            Chapter01.PROMPT_FAN_OUT, qualified("ch01.Chapter01.checkPromptFanOut(VirtualThreadsFanOut::new)")),
                    new GradedExercise("prompt-fan-out-async", "Step 3, PromptFanOut with client.async",
                            Chapter01.PROMPT_FAN_OUT, qualified("ch01.Chapter01.checkPromptFanOut(AsyncFuturesFanOut::new)")),
                    exercise("capped-fan-out", Chapter01.CAPPED_FAN_OUT, "ch01.Chapter01.checkCappedFanOut(CappedFanOut::new)"))),
            new GradedChapter("02", "Rate limiters", "02-rate-limiters.ipynb", List.of(
                    exercise("sliding-window", Chapter02.SLIDING_WINDOW,
                            "ch02.Chapter02.checkSlidingWindow(SlidingWindowRateLimiter::new)"),
                    exercise("rate-limited-calls", Chapter02.LIMITED_CALLS,
                            "ch02.Chapter02.checkRateLimitedCalls(SlidingWindowRateLimiter::new, LimitedGeminiFanOut::new)"),
                    exercise("token-bucket", Chapter02.TOKEN_BUCKET,
                            "ch02.Chapter02.checkTokenBucket(TokenBucketRateLimiter::new)"),
                    exercise("fifo", Chapter02.FIFO, "ch02.Chapter02.checkFifo(FifoRateLimiter::new)"))),
            new GradedChapter("03", "Data pipelines", "03-data-pipelines.ipynb", List.of(
                    exercise("source", Chapter03.SOURCE, "ch03.Chapter03.checkSource(ShardFileSource::new)"),
                    exercise("shard-writer", Chapter03.SHARD_WRITER,
                            "ch03.Chapter03.checkShardWriter(JsonLinesShardWriter::new)"),
                    exercise("pipeline", Chapter03.PIPELINE, "ch03.Chapter03.checkPipeline(QueuePipeline::new)"),
                    exercise("counting-pipeline", Chapter03.COUNTING_PIPELINE,
                            "ch03.Chapter03.checkCountingPipeline(CountingQueuePipeline::new)"))),
            new GradedChapter("04", "Request batchers", "04-request-batchers.ipynb", List.of(
                    exercise("batcher", Chapter04.BATCHER, "ch04.Chapter04.checkBatcher(SizeOrTimeoutBatcher::new)"),
                    exercise("embedding-stage", Chapter04.EMBEDDING_STAGE,
                            "ch04.Chapter04.checkEmbeddingStage(BatchEmbedder::new)"),
                    exercise("pipeline", Chapter04.PIPELINE, "ch04.Chapter04.checkPipeline(BatchedEmbeddingPipeline::new)"),
                    exercise("adaptive-batcher", Chapter04.ADAPTIVE_BATCHER,
                            "ch04.Chapter04.checkAdaptiveBatcher(AdaptiveBatcher::new)"))),
            new GradedChapter("05", "Web crawlers", "05-web-crawlers.ipynb", List.of(
                    exercise("page-fetcher", Chapter05.PAGE_FETCHER, "ch05.Chapter05.checkPageFetcher(ShopPageFetcher::new)"),
                    exercise("crawler", Chapter05.CRAWLER, "ch05.Chapter05.checkCrawler(BreadthFirstCrawler::new)"),
                    exercise("depth-limit", Chapter05.DEPTH_LIMIT, "ch05.Chapter05.checkDepthLimit(BreadthFirstCrawler::new)"),
                    exercise("polite-crawler", Chapter05.POLITE_CRAWLER,
                            "ch05.Chapter05.checkPoliteCrawler(PoliteCrawler::new, SlidingWindowRateLimiter::new)"),
                    exercise("parsing-crawler", Chapter05.PARSING_CRAWLER,
                            "ch05.Chapter05.checkParsingCrawler(ParseOffThreadCrawler::new)"))),
            new GradedChapter("06", "Function-calling agents", "06-function-agents.ipynb", List.of(
                    exercise("abstracts", Chapter06.ABSTRACTS,
                            "ch06.Chapter06.checkAbstractRebuilder(InvertedIndexAbstract::new)"),
                    exercise("search", Chapter06.SEARCH, "ch06.Chapter06.checkSearch(OpenAlexSearch::new)"),
                    exercise("declaration", Chapter06.DECLARATION,
                            "ch06.Chapter06.checkDeclaration(SearchDeclaration::declaration)"),
                    exercise("agent", Chapter06.AGENT, "ch06.Chapter06.checkAgent(StreamingResearchAgent::new)"))),
            new GradedChapter("07", "Production patterns", "07-production-patterns.ipynb", List.of(
                    exercise("deadline-chain", Chapter07.DEADLINE_CHAIN, "ch07.Chapter07.checkDeadlineChain(BudgetedChain::new)"),
                    exercise("retrier", Chapter07.RETRIER, "ch07.Chapter07.checkRetrier(BackoffRetrier::new)"),
                    exercise("settled-fan-out", Chapter07.SETTLED_FAN_OUT,
                            "ch07.Chapter07.checkSettledFanOut(SettleAllFanOut::new)"),
                    exercise("hedged-call", Chapter07.HEDGED_CALL, "ch07.Chapter07.checkHedgedCall(HedgingCall::new)"),
                    exercise("token-relay", Chapter07.TOKEN_RELAY, "ch07.Chapter07.checkTokenRelay(StreamingRelay::new)"),
                    exercise("rag", Chapter07.RAG, "ch07.Chapter07.checkRag(ParallelRag::new)"),
                    exercise("answer-service", Chapter07.ANSWER_SERVICE,
                            "ch07.Chapter07.checkAnswerService(SseAnswerService::start)"))));

    private CourseChapters() {}

    public static List<GradedChapter> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(GradedChapter::id).toList();
    }

    public static Optional<GradedChapter> byId(String id) {
        return ALL.stream().filter(chapter -> chapter.id().equals(id)).findFirst();
    }

    private static GradedExercise exercise(String id, Exercise exercise, String call) {
        return new GradedExercise(id, exercise.title(), exercise, qualified(call));
    }

    private static String qualified(String call) {
        return "ai.asyncjava.kit.checks." + call;
    }
}
