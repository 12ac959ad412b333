package ai.asyncjava.kit.simulators.gemini;

import java.util.ArrayList;
import java.util.List;

/**
 * The function responses of each generation request, each with the call it answers: the newest
 * round only (the last turn's responses to the model turn before it), since every request resends
 * the rounds before.
 */
final class AnswerLog {

    private final List<AnsweredCall> answered = new ArrayList<>();

    /** Notes the responses of {@code turns}' last turn; the request passed the function-calling rules. */
    void record(int requestId, List<Turn> turns) {
        if (turns.size() < 2) {
            return;
        }
        Turn responses = turns.getLast();
        Turn calls = turns.get(turns.size() - 2);
        if (responses.functionResponses().isEmpty() || !"model".equals(calls.role()) || calls.functionCalls().isEmpty()) {
            return;
        }
        List<AnsweredCall> round = new ArrayList<>();
        List<TurnPart.FunctionResponse> answers = responses.functionResponses();
        for (int i = 0; i < answers.size(); i++) {
            TurnPart.FunctionResponse answer = answers.get(i);
            TurnPart.FunctionCall call = answeredCall(calls.functionCalls(), answer, i);
            if (call != null) {
                ReturnedWorks.Outcome outcome = ReturnedWorks.read(answer.response());
                round.add(new AnsweredCall(requestId, call.id(), call.name(), call.args(),
                        outcome.works().stream().map(ReturnedWorks.Work::id).toList(), outcome.failed()));
            }
        }
        synchronized (answered) {
            answered.addAll(round);
        }
    }

    /** Every response noted since the last {@link #clear()}, in arrival order. */
    List<AnsweredCall> calls() {
        synchronized (answered) {
            return List.copyOf(answered);
        }
    }

    void clear() {
        synchronized (answered) {
            answered.clear();
        }
    }

    // As the API pairs them: by id when the response has one, else by position.
    private static TurnPart.FunctionCall answeredCall(List<TurnPart.FunctionCall> calls,
                                                      TurnPart.FunctionResponse answer, int position) {
        if (answer.hasId()) {
            return calls.stream().filter(call -> call.id().equals(answer.id())).findFirst().orElse(null);
        }
        return position < calls.size() ? calls.get(position) : null;
    }
}
