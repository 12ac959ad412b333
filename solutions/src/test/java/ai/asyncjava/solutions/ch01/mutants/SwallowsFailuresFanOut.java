package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;

/** Mutant: a failed call becomes a null answer, so the caller never hears of the 429. */
public class SwallowsFailuresFanOut extends SyncCallsFanOut {

    public SwallowsFailuresFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    String ask(String prompt) {
        try {
            return super.ask(prompt);
        } catch (RuntimeException failed) {
            return null;
        }
    }
}
