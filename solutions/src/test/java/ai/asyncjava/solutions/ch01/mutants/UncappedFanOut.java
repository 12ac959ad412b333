package ai.asyncjava.solutions.ch01.mutants;

import ai.asyncjava.kit.exercises.ch01.PromptFanOut;
import ai.asyncjava.solutions.ch01.VirtualThreadsFanOut;
import com.google.genai.Client;
import java.util.List;

/** Mutant: takes the cap and ignores it, sending every prompt at once. */
public class UncappedFanOut implements PromptFanOut {

    private final PromptFanOut everyPromptAtOnce;

    public UncappedFanOut(Client.Builder builder, int maxInFlight) {
        this.everyPromptAtOnce = new VirtualThreadsFanOut(builder);
    }

    @Override
    public List<String> askAll(List<String> prompts) throws Exception {
        return everyPromptAtOnce.askAll(prompts);
    }

    @Override
    public void close() {
        everyPromptAtOnce.close();
    }
}
