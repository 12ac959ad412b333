package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: a thread pool sized to the prompts, which cannot be made for zero prompts. */
public class PoolSizedToPromptsFanOut extends SyncCallsFanOut {

    public PoolSizedToPromptsFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    ExecutorService executorFor(List<String> prompts) {
        return Executors.newFixedThreadPool(prompts.size());
    }
}
