package ai.asyncjava.kit.simulators.gemini;

import static ai.asyncjava.kit.simulators.gemini.AgentTurns.question;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.response;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.responses;
import static ai.asyncjava.kit.simulators.gemini.AgentTurns.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.asyncjava.kit.simulators.gemini.AgentTurns.Streamed;
import com.google.genai.errors.ClientException;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.Part;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real API's rules for sending function calls back, through the SDK: parts unchanged, one
 * response per call, ids echoed, thought signatures kept.
 */
class FunctionCallRulesTest {

    private static final String MISSING_SIGNATURE = "Function call is missing a thought_signature in functionCall"
            + " parts. This is required for tools to work correctly, and missing thought_signature may lead to"
            + " degraded model performance. Additional data, function call `default_api:search_openalex` ,"
            + " position 2. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.";
    private static final String COUNT = "Please ensure that the number of function response parts is equal to the"
            + " number of function call parts of the function call turn.";

    @RegisterExtension
    static final SimulatorExtension GEMINI = new SimulatorExtension(GeminiSimulatorConfig.research()
            .withLatencies(GeminiLatencies.none()).withTimeScale(0));

    private Streamed first;

    @BeforeEach
    void firstRound() {
        GEMINI.sim().reconfigure(c -> c.withScript(new ResearchScript()).withThoughtSignatures(true));
        first = stream(GEMINI.client(), List.of(question()));
        assertEquals(4, first.calls().size());
    }

    private static Map<String, Object> found(String search) {
        return FakeWorks.results(search, List.of("serotonin", "probiotics"));
    }

    private Streamed next(Content modelTurn, Content answers) {
        return stream(GEMINI.client(), List.of(question(), modelTurn, answers));
    }

    private ClientException rejected(Content modelTurn, Content answers) {
        return assertThrows(ClientException.class, () -> next(modelTurn, answers));
    }

    private Content modelTurnWith(UnaryOperator<Part> change) {
        List<Part> parts = first.modelTurn().parts().orElseThrow().stream().map(change).toList();
        return Content.builder().role("model").parts(parts).build();
    }

    @Test
    void partsSentBackUnchangedAreAccepted() {
        Streamed second = next(first.modelTurn(), responses(first.calls(), FunctionCallRulesTest::found, true));
        assertEquals(3, second.calls().size());
    }

    @Test
    void aCallRebuiltWithoutItsSignatureGetsTheRealApisMessage() {
        Content rebuilt = modelTurnWith(p -> p.functionCall().isPresent()
                ? Part.builder().functionCall(p.functionCall().get()).build() : p);
        ClientException e = rejected(rebuilt, responses(first.calls(), FunctionCallRulesTest::found, true));
        assertEquals(400, e.code());
        assertEquals("INVALID_ARGUMENT", e.status());
        assertEquals(MISSING_SIGNATURE, e.message());
    }

    @Test
    void anAlteredSignatureOrAnAlteredCallIsCorrupted() {
        Content otherSignature = modelTurnWith(p -> p.thoughtSignature().isPresent()
                ? p.toBuilder().thoughtSignature("not the model's".getBytes()).build() : p);
        assertEquals("Corrupted thought signature.",
                rejected(otherSignature, responses(first.calls(), FunctionCallRulesTest::found, true)).message());

        Content otherArgs = modelTurnWith(p -> p.thoughtSignature().isPresent()
                ? p.toBuilder().functionCall(p.functionCall().get().toBuilder().args(Map.of("search", "cats")).build())
                        .build() : p);
        assertEquals("Corrupted thought signature.",
                rejected(otherArgs, responses(first.calls(), FunctionCallRulesTest::found, true)).message());
    }

    @Test
    void aMissingOrAnExtraResponseBreaksTheCount() {
        List<Part> all = responses(first.calls(), FunctionCallRulesTest::found, true).parts().orElseThrow();
        Content missing = Content.builder().role("user").parts(all.subList(0, 3)).build();
        assertEquals(COUNT, rejected(first.modelTurn(), missing).message());

        List<Part> extra = new ArrayList<>(all);
        extra.add(all.getFirst());
        assertEquals(COUNT, rejected(first.modelTurn(), Content.builder().role("user").parts(extra).build()).message());
    }

    @Test
    void responsesSplitOverSeveralTurnsBreakTheCount() {
        List<Content> history = new ArrayList<>(List.of(question(), first.modelTurn()));
        for (FunctionCall call : first.calls()) {
            history.add(Content.builder().role("user")
                    .parts(response(call, found(AgentTurns.searchOf(call)), true)).build());
        }
        ClientException e = assertThrows(ClientException.class, () -> stream(GEMINI.client(), history));
        assertEquals(COUNT, e.message());
    }

    @Test
    void aThinkingModelWantsEveryResponseToEchoItsCallsId() {
        ClientException e = rejected(first.modelTurn(), responses(first.calls(), FunctionCallRulesTest::found, false));
        assertTrue(e.message().startsWith("contents[2].parts[0].function_response (search_openalex) has no id."),
                e.message());
        assertTrue(e.message().contains(first.calls().getFirst().id().orElseThrow()), e.message());
    }

    @Test
    void anUnknownIdIsNamed() {
        List<Part> parts = new ArrayList<>(responses(first.calls(), FunctionCallRulesTest::found, true).parts()
                .orElseThrow());
        FunctionCall stranger = first.calls().getLast().toBuilder().id("zzzzzzzz").build();
        parts.set(3, response(stranger, Map.of("results", List.of()), true));
        ClientException e = rejected(first.modelTurn(), Content.builder().role("user").parts(parts).build());
        assertTrue(e.message().startsWith("contents[2].parts[3].function_response.id 'zzzzzzzz' matches no function"
                + " call of contents[1]"), e.message());
    }

    @Test
    void withIdsTheResponsesMayComeInAnyOrder() {
        List<Part> parts = new ArrayList<>(responses(first.calls(), FunctionCallRulesTest::found, true).parts()
                .orElseThrow());
        Collections.reverse(parts);
        Streamed second = next(first.modelTurn(), Content.builder().role("user").parts(parts).build());
        assertEquals(3, second.calls().size());
        // Pairing is by id, and the script reads the results whatever their order.
        Streamed inOrder = next(first.modelTurn(), responses(first.calls(), FunctionCallRulesTest::found, true));
        assertEquals(inOrder.calls().stream().map(AgentTurns::searchOf).toList(),
                second.calls().stream().map(AgentTurns::searchOf).toList());
    }

    @Test
    void aModelThatDoesNotThinkAcceptsResponsesWithoutIdsButNotOutOfOrder() {
        GEMINI.sim().reconfigure(c -> c.withThoughtSignatures(false).withScript(call -> call.turns().size() > 1
                ? ModelReply.text("done")
                : ModelReply.calls(List.of(new TurnPart.FunctionCall("search_openalex", Map.of("search", "a")),
                        new TurnPart.FunctionCall("fetch_work", Map.of("id", "W1"))))));
        Streamed calls = stream(GEMINI.client(), List.of(question()));
        assertTrue(calls.modelTurn().parts().orElseThrow().stream().noneMatch(p -> p.thoughtSignature().isPresent()));
        assertEquals(2, calls.calls().stream().filter(c -> c.id().isPresent()).count(), "ids even so");

        List<Part> noIds = List.of(response(calls.calls().get(0), Map.of("results", List.of()), false),
                response(calls.calls().get(1), Map.of("title", "x"), false));
        assertEquals("done", next(calls.modelTurn(), Content.builder().role("user").parts(noIds).build()).text());

        List<Part> swapped = List.of(noIds.get(1), noIds.get(0));
        ClientException e = rejected(calls.modelTurn(), Content.builder().role("user").parts(swapped).build());
        assertTrue(e.message().contains("without ids, responses pair with the calls in their order"), e.message());

        List<Part> swappedWithIds = List.of(response(calls.calls().get(1), Map.of("title", "x"), true),
                response(calls.calls().get(0), Map.of("results", List.of()), true));
        assertEquals("done", next(calls.modelTurn(), Content.builder().role("user").parts(swappedWithIds).build()).text());
    }

    @Test
    void onTheWireTheIdSitsInTheCallAndTheSignatureBesideIt() {
        String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":" + RawHttp.quote(AgentTurns.QUESTION)
                + "}]}],\"tools\":[{\"functionDeclarations\":[{\"name\":\"search_openalex\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"search\":{\"type\":\"string\"}},\"required\":[\"search\"]}}]}]}";
        RawHttp.Reply reply = RawHttp.post(GEMINI.sim(), "/v1beta/models/" + AgentTurns.MODEL + ":streamGenerateContent",
                body, GEMINI.sim().apiKey());
        assertEquals(200, reply.status(), reply.body());
        var firstCall = reply.json().get(2).at("/candidates/0/content/parts/0");
        var secondCall = reply.json().get(3).at("/candidates/0/content/parts/0");
        assertTrue(firstCall.at("/functionCall/id").asText().matches("[0-9a-z]{8}"), firstCall.toString());
        assertEquals("search_openalex", firstCall.at("/functionCall/name").asText());
        assertTrue(firstCall.path("thoughtSignature").asText().matches("[A-Za-z0-9+/]{43}="), firstCall.toString());
        assertTrue(secondCall.has("functionCall") && !secondCall.has("thoughtSignature"), secondCall.toString());
    }

    @Test
    void theNonStreamedCallCarriesTheSameIdsAndSignature() {
        var response = GEMINI.client().models.generateContent(AgentTurns.MODEL, List.of(question()),
                AgentTurns.RESEARCH);
        List<Part> parts = response.parts();
        assertEquals(first.calls().stream().map(c -> c.id().orElseThrow()).toList(),
                response.functionCalls().stream().map(c -> c.id().orElseThrow()).toList());
        assertEquals(java.util.Arrays.toString(first.modelTurn().parts().orElseThrow().stream()
                        .filter(p -> p.functionCall().isPresent()).findFirst().orElseThrow().thoughtSignature().orElseThrow()),
                java.util.Arrays.toString(parts.stream().filter(p -> p.functionCall().isPresent()).findFirst()
                        .orElseThrow().thoughtSignature().orElseThrow()));
    }

    @Test
    void theAnsweredCallsSayWhatEachCallWasToldItReturned() {
        GEMINI.sim().reset();
        List<FunctionCall> calls = first.calls();
        List<Part> parts = new ArrayList<>();
        // The first two calls get each other's results (under their own ids); the third an error.
        parts.add(response(calls.get(0), found(AgentTurns.searchOf(calls.get(1))), true));
        parts.add(response(calls.get(1), found(AgentTurns.searchOf(calls.get(0))), true));
        parts.add(response(calls.get(2), Map.of("error", "HTTP 500"), true));
        parts.add(response(calls.get(3), found(AgentTurns.searchOf(calls.get(3))), true));
        Collections.reverse(parts); // pairing is by id, whatever the order
        next(first.modelTurn(), Content.builder().role("user").parts(parts).build());

        List<AnsweredCall> answered = GEMINI.sim().answeredCalls();
        assertEquals(4, answered.size());
        AnsweredCall toFirst = answered.stream().filter(a -> a.callId().equals(calls.get(0).id().orElseThrow()))
                .findFirst().orElseThrow();
        assertEquals(AgentTurns.searchOf(calls.get(0)), toFirst.args().get("search"));
        assertEquals(FakeWorks.id(AgentTurns.searchOf(calls.get(1)), 0), toFirst.workIds().getFirst());
        AnsweredCall toThird = answered.stream().filter(a -> a.callId().equals(calls.get(2).id().orElseThrow()))
                .findFirst().orElseThrow();
        assertTrue(toThird.failed());
        assertTrue(toThird.workIds().isEmpty());
        assertEquals(1, answered.stream().map(AnsweredCall::requestId).distinct().count(), "one request, one round");
    }
}
