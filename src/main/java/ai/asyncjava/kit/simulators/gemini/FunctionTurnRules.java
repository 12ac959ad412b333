package ai.asyncjava.kit.simulators.gemini;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the real API checks about function calling in a request's history, with its 400s:
 * <ul>
 *   <li>the turn after a function call turn carries exactly one response per call ("Please ensure
 *       that the number of function response parts is equal to ...");</li>
 *   <li>responses that name a call id name one of that turn's calls, each call once, with the
 *       call's function name; without ids they pair with the calls by position;</li>
 *   <li>for a thinking model: every response echoes its call's id (when the calls carry ids), and
 *       in the current turn (everything after the last user message) the first function call of
 *       each model step carries its thought signature, unchanged ("Function call is missing a
 *       thought_signature ...", "Corrupted thought signature.").</li>
 * </ul>
 * The count and signature messages are the real API's; the id messages are the simulator's own.
 */
final class FunctionTurnRules {

    static final String COUNT_MISMATCH = "Please ensure that the number of function response parts is equal to"
            + " the number of function call parts of the function call turn.";
    static final String CORRUPTED_SIGNATURE = "Corrupted thought signature.";
    private static final String SIGNATURES_URL = "https://ai.google.dev/gemini-api/docs/thought-signatures";

    private FunctionTurnRules() {
    }

    /** Throws the 400 the real API gives for the first rule {@code turns} break. */
    static void check(List<Turn> turns, boolean thinking) throws ApiError {
        if (thinking) {
            checkSignatures(turns);
        }
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            boolean callTurn = "model".equals(turn.role()) && !turn.functionCalls().isEmpty();
            if (callTurn && i + 1 < turns.size()) {
                checkResponses(turns, i, thinking);
            } else if (!turn.functionResponses().isEmpty()
                    && (i == 0 || !"model".equals(turns.get(i - 1).role()) || turns.get(i - 1).functionCalls().isEmpty())) {
                throw ApiError.invalidArgument(COUNT_MISMATCH); // responses to no call at all
            }
        }
    }

    private static void checkSignatures(List<Turn> turns) throws ApiError {
        int currentTurnStart = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).isUserMessage()) {
                currentTurnStart = i + 1;
                break;
            }
        }
        for (int i = currentTurnStart; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (!"model".equals(turn.role()) || turn.functionCalls().isEmpty()) {
                continue;
            }
            TurnPart.FunctionCall first = turn.functionCalls().getFirst();
            if (!first.hasThoughtSignature()) {
                throw ApiError.invalidArgument("Function call is missing a thought_signature in functionCall parts."
                        + " This is required for tools to work correctly, and missing thought_signature may lead to"
                        + " degraded model performance. Additional data, function call `default_api:" + first.name()
                        + "` , position " + (i + 1) + ". Please refer to " + SIGNATURES_URL + " for more details.");
            }
            if (!CallStamps.matches(first.thoughtSignature(), first)) {
                throw ApiError.invalidArgument(CORRUPTED_SIGNATURE);
            }
        }
    }

    private static void checkResponses(List<Turn> turns, int callTurn, boolean thinking) throws ApiError {
        List<TurnPart.FunctionCall> calls = turns.get(callTurn).functionCalls();
        Turn answer = turns.get(callTurn + 1);
        List<TurnPart.FunctionResponse> responses = answer.functionResponses();
        if (responses.size() != calls.size()) {
            throw ApiError.invalidArgument(COUNT_MISMATCH);
        }
        Map<String, TurnPart.FunctionCall> byId = new HashMap<>();
        calls.stream().filter(TurnPart.FunctionCall::hasId).forEach(c -> byId.put(c.id(), c));
        boolean anyResponseId = responses.stream().anyMatch(TurnPart.FunctionResponse::hasId);
        String where = "contents[" + (callTurn + 1) + "]";
        if (!anyResponseId && !(thinking && !byId.isEmpty())) {
            checkByPosition(calls, answer, callTurn);
            return;
        }
        Set<String> answered = new HashSet<>();
        for (int p = 0; p < answer.parts().size(); p++) {
            if (!(answer.parts().get(p) instanceof TurnPart.FunctionResponse response)) {
                continue;
            }
            String part = where + ".parts[" + p + "].function_response";
            if (!response.hasId()) {
                if (thinking && !byId.isEmpty()) {
                    throw ApiError.invalidArgument(part + " (" + response.name() + ") has no id. The function calls"
                            + " of contents[" + callTurn + "] have ids (" + idList(calls) + "): give each response"
                            + " the id of the call it answers.");
                }
                continue;
            }
            TurnPart.FunctionCall call = byId.get(response.id());
            if (call == null) {
                throw ApiError.invalidArgument(part + ".id '" + response.id() + "' matches no function call of"
                        + " contents[" + callTurn + "]" + (byId.isEmpty() ? ", whose calls have no ids"
                        : " (its call ids: " + idList(calls) + ")") + ".");
            }
            if (!answered.add(response.id())) {
                throw ApiError.invalidArgument(part + ".id '" + response.id() + "' answers a call that an earlier"
                        + " response of " + where + " already answered; each call takes exactly one response.");
            }
            if (!call.name().equals(response.name())) {
                throw ApiError.invalidArgument(part + " names '" + response.name() + "', but the call with id '"
                        + call.id() + "' is to '" + call.name() + "'.");
            }
        }
    }

    // Without ids the API can only pair responses with calls by their order.
    private static void checkByPosition(List<TurnPart.FunctionCall> calls, Turn answer, int callTurn) throws ApiError {
        int index = 0;
        for (int p = 0; p < answer.parts().size(); p++) {
            if (answer.parts().get(p) instanceof TurnPart.FunctionResponse response) {
                TurnPart.FunctionCall call = calls.get(index++);
                if (!call.name().equals(response.name())) {
                    throw ApiError.invalidArgument("contents[" + (callTurn + 1) + "].parts[" + p
                            + "].function_response names '" + response.name() + "', but function call " + index
                            + " of contents[" + callTurn + "] is to '" + call.name() + "': without ids, responses"
                            + " pair with the calls in their order.");
                }
            }
        }
    }

    private static String idList(List<TurnPart.FunctionCall> calls) {
        return calls.stream().map(c -> c.hasId() ? c.id() : "none").collect(Collectors.joining(", "));
    }
}
