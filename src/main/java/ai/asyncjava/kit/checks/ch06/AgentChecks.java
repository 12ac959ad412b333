package ai.asyncjava.kit.checks.ch06;

import static ai.asyncjava.kit.checks.Wording.count;
import static ai.asyncjava.kit.checks.Wording.quoted;
import static ai.asyncjava.kit.checks.Wording.shortened;
import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.CheckSimulators;
import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.checks.Tolerances;
import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.ch06.ResearchAgent;
import ai.asyncjava.kit.exercises.ch06.ResearchAgentFactory;
import ai.asyncjava.kit.simulators.LoggedRequest;
import ai.asyncjava.kit.simulators.gemini.AnsweredCall;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulator;
import ai.asyncjava.kit.simulators.gemini.GeminiSimulatorConfig;
import ai.asyncjava.kit.simulators.gemini.ResearchScript;
import ai.asyncjava.kit.simulators.gemini.StreamedChunk;
import ai.asyncjava.kit.simulators.works.Corpus;
import com.google.genai.Client;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hidden checks of chapter 06's step 3, the research agent. One question to a Gemini simulator
 * playing the research model (round 1: four searches streamed 150 ms apart; round 2: three built
 * from the works sent back; then the answer), with the check's own search tool (500 ms a search in
 * round 1, where the second fails and the third hangs until cancelled; round 2's take 700, 300 and
 * 100 ms, so they finish in the reverse order of their calls; the agent's search timeout is 800 ms).
 * Then a question to a model that never stops calling the tool, with maxRounds 2.
 */
@HiddenChecks(secondsPerCheck = 10)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentChecks {

    static final Duration SEARCH_LATENCY = Duration.ofMillis(500);
    /** Round two's searches finish in the reverse order of their calls, as real searches finish in any order. */
    static final List<Duration> SECOND_ROUND_LATENCIES =
            List.of(Duration.ofMillis(700), Duration.ofMillis(300), Duration.ofMillis(100));
    static final Duration SEARCH_TIMEOUT = Duration.ofMillis(800);
    static final int MAX_ROUNDS = 5;
    static final int ENDLESS_MAX_ROUNDS = 2;
    static final int FAILING_SEARCH = 2;
    static final int HANGING_SEARCH = 3;

    private GeminiSimulator model;
    private Client client;
    private GeminiSimulator endlessModel;
    private Client endlessClient;
    private AgentRun run;
    private AgentRun endless;

    @AfterAll
    void closeEverything() {
        CheckSimulators.closeAll(client, model, endlessClient, endlessModel);
    }

    @Test
    @Order(1)
    @DisplayName("sends back each call's result, paired by id, with the model's parts unchanged")
    void conversationAccepted(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        Throwable thrown = run.outcome().failure();
        List<LoggedRequest> refused = run.refused();
        if (run.requests().size() < 2) {
            fail("The agent asked the model " + count(run.requests().size(), "time") + ", so it never sent a search's "
                    + "result back: there was no conversation to judge. Stream the reply, run its calls, send the "
                    + "results back and ask again.");
        }
        if (!refused.isEmpty() || thrown != null && String.valueOf(thrown.getMessage()).contains("400")) {
            String message = thrown == null ? "" : String.valueOf(thrown.getMessage());
            fail("The model refused the conversation of round " + (refused.isEmpty() ? "?" : roundOf(run, refused.getFirst()))
                    + " with 400 INVALID_ARGUMENT: " + message + " " + adviceFor(message));
        }
    }

    @Test
    @Order(2)
    @DisplayName("answers each call with its own search's result")
    void eachCallGetsItsOwnResult(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        if (run.answered().isEmpty()) {
            fail("The model was sent no function response it could pair with a call, so no search's result reached "
                    + "it. After each round, send one function response per call, with the call's id.");
        }
        for (AnsweredCall answered : run.answered()) {
            String query = queryOf(answered);
            List<CheckSearch.Call> searches = run.searches().stream().filter(s -> s.query().equals(query)).toList();
            if (searches.isEmpty()) {
                continue; // a call that was never searched: startsSearchesAsCallsAppear names it
            }
            CheckSearch.Call search = searches.getFirst();
            String call = "the call for " + Wording.quoted(query) + " (id " + answered.callId() + ")";
            if (search.failed() || search.hung()) {
                if (!answered.failed()) {
                    fail("The search for " + Wording.quoted(query) + (search.failed() ? " failed with an IOException"
                            : " hung and was cancelled") + ", but the response to " + call + (answered.workIds().isEmpty()
                            ? " reports no error" : " holds " + count(answered.workIds().size(), "work"))
                            + ". Answer it with {\"error\": \"...\"}, so the model knows that search has no results.");
                }
                continue;
            }
            if (answered.failed() || answered.workIds().isEmpty() && !search.workIds().isEmpty()) {
                fail("The search for " + Wording.quoted(query) + " returned " + count(search.workIds().size(), "work")
                        + ", but the response to " + call + (answered.failed() ? " reports an error"
                        : " holds none of them") + ". Send each search's result map back as the response to its own call.");
            }
            if (!search.workIds().containsAll(answered.workIds())) {
                String whose = run.searches().stream()
                        .filter(other -> !other.workIds().isEmpty() && other.workIds().containsAll(answered.workIds()))
                        .map(other -> "the search for " + Wording.quoted(other.query())).findFirst()
                        .orElse("no single search");
                fail("The response to " + call + " holds the works of " + whose + ": the results went back paired with "
                        + "the wrong calls. Keep each search's future with its call (a list in call order, or a map "
                        + "from call id to future) and build each response from its own call's result, never in the "
                        + "order the searches finished.");
            }
        }
    }

    /** The search words of a search call: its one text argument, whatever the declaration named it. */
    private static String queryOf(AnsweredCall answered) {
        return answered.args().values().stream().filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse("");
    }

    @Test
    @Order(3)
    @DisplayName("returns the model's final answer, whole")
    void returnsTheAnswer(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        run.outcome().requireReturned();
        if (run.outcome().failure() != null) {
            fail("answer(...) threw " + Wording.exception(run.outcome().failure()) + " instead of returning the model's "
                    + "final answer.");
        }
        List<List<StreamedChunk>> replies = run.replies();
        String finalText = replies.isEmpty() ? "" : AgentRun.textOf(replies.getLast());
        String answer = run.outcome().result();
        if (answer == null || answer.isBlank()) {
            fail("answer(...) returned " + (answer == null ? "null" : "\"\"") + "; return the text of the model's last "
                    + "reply, the one without calls.");
        }
        if (!answer.strip().equals(finalText.strip())) {
            fail("answer(...) returned " + quoted(shortened(answer, 160)) + ", but the model's final reply reads "
                    + quoted(shortened(finalText, 160)) + ". Join the text of every chunk of that last reply.");
        }
    }

    @Test
    @Order(4)
    @DisplayName("keeps going, round after round, until the model answers")
    void roundsUntilTheAnswer(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        int rounds = run.replies().size();
        if (rounds < 3) {
            fail("The agent asked the model " + count(rounds, "time") + ", and the model answers on its third reply, "
                    + "after two rounds of searches. When a reply has function calls, send the results back and ask "
                    + "again; only a reply without calls is the answer.");
        }
    }

    @Test
    @Order(5)
    @DisplayName("starts each search the moment its call appears in the stream")
    void startsSearchesAsCallsAppear(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        List<List<StreamedChunk>> replies = run.replies();
        List<CheckSearch.Call> searches = run.searches();
        if (replies.isEmpty()) {
            fail("The agent never streamed a reply from the model (client.models.generateContentStream), so no "
                    + "call could appear.");
        }
        int next = 0;
        for (int round = 0; round < replies.size(); round++) {
            List<StreamedChunk> calls = AgentRun.callChunks(replies.get(round));
            StreamedChunk end = replies.get(round).getLast();
            for (StreamedChunk call : calls) {
                if (next >= searches.size()) {
                    fail("The model made " + count(calls.size(), "call") + " in round " + (round + 1) + ", and only "
                            + count(searches.size(), "search") + " were run in all. Run one search for every call.");
                }
                CheckSearch.Call search = searches.get(next++);
                long late = search.startNanos() - call.readableNanos();
                if (late > Tolerances.Ch06.START_AFTER_CALL.nanos()) {
                    boolean afterEnd = search.startNanos() >= end.readableNanos();
                    fail("In round " + (round + 1) + " the search for " + Wording.quoted(search.query()) + " started "
                            + Wording.nanos(late) + " after its call reached your code"
                            + (afterEnd ? ", once the stream had ended" : "") + " (allowed: "
                            + Tolerances.Ch06.START_AFTER_CALL + "). Start each search inside the loop over the stream's "
                            + "chunks, the moment you see its function call: searches.submit(...), and carry on reading.");
                }
            }
        }
    }

    @Test
    @Order(6)
    @DisplayName("runs a round's searches at the same time")
    void searchesAtOnce(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        int firstRound = ResearchScript.FIRST_ROUND_CALLS;
        if (run.peak() < firstRound - Tolerances.Ch06.MISSING_SEARCHES) {
            fail("At most " + count(run.peak(), "search") + " ran at the same time, though the first round's "
                    + firstRound + " calls each take " + Wording.duration(SEARCH_LATENCY) + " and come 150 ms apart. Run "
                    + "each search on a thread of its own (a virtual-thread executor) and wait for the results only "
                    + "once the stream has ended.");
        }
    }

    @Test
    @Order(7)
    @DisplayName("answers a failed search with an error and cancels one that hangs")
    void failedAndHangingSearches(ResearchAgentFactory agents) throws Exception {
        AgentRun run = run(agents);
        run.outcome().requireReturned();
        List<CheckSearch.Call> searches = run.searches();
        CheckSearch.Call hanging = searches.stream().filter(CheckSearch.Call::hung).findFirst().orElse(null);
        if (run.outcome().failure() != null && hanging != null) {
            fail("answer(...) threw " + Wording.exception(run.outcome().failure()) + ". One search failed with an "
                    + "IOException and one was cancelled: answer each with a function response like {\"error\": "
                    + "\"...\"} and go on; the model decides what to do without those results.");
        }
        if (hanging == null) {
            fail(run.started() < HANGING_SEARCH ? "Fewer than " + HANGING_SEARCH + " searches were started, so there was "
                    + "no hanging search to cancel." : "The hanging search never ended: cancel a search that is still "
                    + "running when the search timeout has passed (future.get(timeout), then cancel(true)).");
        }
        long ran = hanging.endNanos() - hanging.startNanos();
        if (!hanging.interrupted() || ran > SEARCH_TIMEOUT.toNanos() + Tolerances.Ch06.CANCEL_LATE.nanos()) {
            fail("The search for " + Wording.quoted(hanging.query()) + " hung, and it ran " + Wording.nanos(ran)
                    + " before it ended; the search timeout was " + Wording.duration(SEARCH_TIMEOUT) + ". Wait for each "
                    + "result with future.get(timeLeft, unit), and on a TimeoutException cancel(true) the future: that "
                    + "interrupts the search's thread.");
        }
    }

    @Test
    @Order(8)
    @DisplayName("stops after maxRounds when the model never answers")
    void stopsAfterMaxRounds(ResearchAgentFactory agents) throws Exception {
        AgentRun run = endless(agents);
        run.outcome().requireReturned();
        int rounds = run.replies().size();
        if (rounds == 0) {
            fail("The agent never asked the model, so there was no round to count.");
        }
        if (rounds > ENDLESS_MAX_ROUNDS) {
            fail("With maxRounds " + ENDLESS_MAX_ROUNDS + " the agent asked a model that never stops calling tools "
                    + count(rounds, "time") + ". Count the replies and stop after maxRounds.");
        }
        if (!(run.outcome().failure() instanceof IllegalStateException)) {
            fail("After " + ENDLESS_MAX_ROUNDS + " replies without an answer, answer(...) "
                    + (run.outcome().failure() == null
                            ? "returned " + quoted(shortened(String.valueOf(run.outcome().result()), 160))
                            : "threw " + Wording.exception(run.outcome().failure()))
                    + "; the contract says: throw an IllegalStateException that says there was no final answer.");
        }
    }

    private AgentRun run(ResearchAgentFactory agents) throws Exception {
        if (run == null) {
            if (model == null) {
                model = CheckSimulators.gemini(GeminiSimulatorConfig.research());
                client = CheckSimulators.clientWithoutRetries(model);
            }
            CheckSearch tool = new CheckSearch(corpus(), AgentChecks::searchLatency, FAILING_SEARCH, HANGING_SEARCH);
            run = AgentRun.ask(agent(agents, client, tool, MAX_ROUNDS), model, tool,
                    Tolerances.Ch06.AGENT_LIMIT.atFactorOne());
        }
        return run;
    }

    /** Search {@code number} (from 1, in start order): round one's take the same time, round two's ever less. */
    private static Duration searchLatency(int number) {
        int inSecondRound = number - ResearchScript.FIRST_ROUND_CALLS - 1;
        if (inSecondRound < 0) {
            return SEARCH_LATENCY;
        }
        return SECOND_ROUND_LATENCIES.get(Math.min(inSecondRound, SECOND_ROUND_LATENCIES.size() - 1));
    }

    private AgentRun endless(ResearchAgentFactory agents) throws Exception {
        if (endless == null) {
            if (endlessModel == null) {
                // Only its rounds are counted, so it streams four times faster than the research model.
                endlessModel = CheckSimulators.gemini(GeminiSimulatorConfig.research().withScript(ResearchScript.endless())
                        .withTimeScale(0.25));
                endlessClient = CheckSimulators.clientWithoutRetries(endlessModel);
            }
            CheckSearch tool = new CheckSearch(corpus(), Duration.ofMillis(100), 0, 0);
            endless = AgentRun.ask(agent(agents, endlessClient, tool, ENDLESS_MAX_ROUNDS), endlessModel, tool,
                    Tolerances.Ch06.AGENT_LIMIT.atFactorOne());
        }
        return endless;
    }

    private static ResearchAgent agent(ResearchAgentFactory agents, Client client, CheckSearch tool, int maxRounds) {
        ResearchAgent agent = agents.create(client, tool, maxRounds, SEARCH_TIMEOUT);
        if (agent == null) {
            fail("The factory made null instead of an agent.");
        }
        return agent;
    }

    private static Corpus corpus() {
        return Corpus.generate(1, 3_000);
    }

    private static int roundOf(AgentRun run, LoggedRequest refused) {
        return run.requests().indexOf(refused) + 1;
    }

    private static String adviceFor(String message) {
        if (message.contains("thought_signature") || message.contains("thought signature")) {
            return "Send the model's parts back exactly as they came, the Part objects themselves: a part rebuilt with "
                    + "Part.fromFunctionCall(...) loses the thoughtSignature the model put on it.";
        }
        if (message.contains("number of function response parts")) {
            return "Send exactly one function response for every function call of the round, failed and cancelled "
                    + "searches included, all in one user turn.";
        }
        if (message.contains("id")) {
            return "Give each function response its call's id: FunctionResponse.builder().id(call.id().get()).";
        }
        return "";
    }

}
