package ai.asyncjava.kit.checks.ch07;

import ai.asyncjava.kit.simulators.gemini.DefaultScript;
import ai.asyncjava.kit.simulators.gemini.GeminiScript;
import ai.asyncjava.kit.simulators.gemini.ModelCall;
import ai.asyncjava.kit.simulators.gemini.ModelReply;
import java.util.ArrayList;
import java.util.List;

/** The simulator's usual answers, with each prompt noted: what the learner's code asked the model. */
final class PromptRecorder implements GeminiScript {

    private final GeminiScript answers = new DefaultScript();
    private final List<String> prompts = new ArrayList<>();

    @Override
    public ModelReply reply(ModelCall call) {
        synchronized (prompts) {
            prompts.add(call.lastTurn().text());
        }
        return answers.reply(call);
    }

    /** Every prompt since the last {@link #clear()}, in arrival order. */
    List<String> all() {
        synchronized (prompts) {
            return List.copyOf(prompts);
        }
    }

    /** The newest prompt, "" when none came. */
    String last() {
        List<String> all = all();
        return all.isEmpty() ? "" : all.getLast();
    }

    void clear() {
        synchronized (prompts) {
            prompts.clear();
        }
    }
}
