package ai.asyncjava.kit.checks.ch07;

import ai.asyncjava.kit.checks.CheckReport;
import ai.asyncjava.kit.checks.Exercise;
import ai.asyncjava.kit.exercises.ch07.AnswerService;
import ai.asyncjava.kit.exercises.ch07.AnswerServiceFactory;
import ai.asyncjava.kit.exercises.ch07.DeadlineChain;
import ai.asyncjava.kit.exercises.ch07.HedgedCall;
import ai.asyncjava.kit.exercises.ch07.RagPipeline;
import ai.asyncjava.kit.exercises.ch07.RagPipelineFactory;
import ai.asyncjava.kit.exercises.ch07.Retrier;
import ai.asyncjava.kit.exercises.ch07.RetryPolicy;
import ai.asyncjava.kit.exercises.ch07.SettledFanOut;
import ai.asyncjava.kit.exercises.ch07.TokenRelay;
import com.google.genai.Client;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The checks of chapter 07, one method per exercise. A notebook's check cell is one call, left as
 * the cell's last expression so the report shows:
 *
 * <pre>{@code Chapter07.checkSettledFanOut(SettleAllFanOut::new)}</pre>
 */
public final class Chapter07 {

    /** Many prompts at once, every outcome kept. */
    public static final Exercise SETTLED_FAN_OUT =
            new Exercise("Step 3, SettledFanOut: every call settled, none lost", SettledFanOutChecks.class);

    /** One budget for a chain of calls, and calls that really stop at it. */
    public static final Exercise DEADLINE_CHAIN =
            new Exercise("Step 1, DeadlineChain: one budget, and calls that really stop", DeadlineChainChecks.class);

    /** Back-off with full jitter, a cap on tries and on time, only what may pass. */
    public static final Exercise RETRIER =
            new Exercise("Step 2, Retrier: back off, with jitter, and know when to stop", RetrierChecks.class);

    /** A second copy of a slow call, and the loser stopped. */
    public static final Exercise HEDGED_CALL =
            new Exercise("Step 4, HedgedCall: a second copy for the slow ones", HedgedCallChecks.class);

    /** A streamed answer passed on as it comes, and stopped when enough has come. */
    public static final Exercise TOKEN_RELAY =
            new Exercise("Step 5, TokenRelay: the first words first, and a stream that stops", TokenRelayChecks.class);

    /** The RAG request: embed, both searches at once, fuse, generate. */
    public static final Exercise RAG =
            new Exercise("Step 6, RagPipeline: both searches at once, fused", RagChecks.class);

    /** The answer served over HTTP as server-sent events, to many users at once. */
    public static final Exercise ANSWER_SERVICE =
            new Exercise("Step 7, AnswerService: streamed over HTTP, to many users at once", AnswerServiceChecks.class);

    private Chapter07() {}

    /** Checks a {@link DeadlineChain}; {@code newChain} makes one from a client of the check's simulator. */
    public static CheckReport checkDeadlineChain(Function<Client, ? extends DeadlineChain> newChain) {
        return DEADLINE_CHAIN.check(newChain);
    }

    /** Checks a {@link Retrier}; {@code newRetrier} makes one from a {@link RetryPolicy}: {@code BackoffRetrier::new}. */
    public static CheckReport checkRetrier(Function<RetryPolicy, ? extends Retrier> newRetrier) {
        return RETRIER.check(newRetrier);
    }

    /** Checks a {@link HedgedCall}; {@code newCall} makes one from a client and the hedging delay. */
    public static CheckReport checkHedgedCall(BiFunction<Client, Duration, ? extends HedgedCall> newCall) {
        return HEDGED_CALL.check(newCall);
    }

    /** Checks a {@link TokenRelay}; {@code newRelay} makes one from a client of the check's simulator. */
    public static CheckReport checkTokenRelay(Function<Client, ? extends TokenRelay> newRelay) {
        return TOKEN_RELAY.check(newRelay);
    }

    /** Checks a {@link RagPipeline}; {@code pipelines} makes one: {@code ParallelRag::new}. */
    public static CheckReport checkRag(RagPipelineFactory pipelines) {
        return RAG.check(pipelines);
    }

    /** Checks an {@link AnswerService}; {@code services} starts one: {@code SseAnswerService::start}. */
    public static CheckReport checkAnswerService(AnswerServiceFactory services) {
        return ANSWER_SERVICE.check(services);
    }

    /** Checks a {@link SettledFanOut}; {@code newFanOut} makes one from a client of the check's simulator. */
    public static CheckReport checkSettledFanOut(Function<Client, ? extends SettledFanOut> newFanOut) {
        return SETTLED_FAN_OUT.check(newFanOut);
    }
}
