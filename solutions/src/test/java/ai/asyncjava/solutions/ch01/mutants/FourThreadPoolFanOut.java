package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Mutant: a fixed pool of 4 platform threads, sized for the CPU, so only 4 calls are ever in flight. */
public class FourThreadPoolFanOut extends SyncCallsFanOut {

    public FourThreadPoolFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    ExecutorService executorFor(List<String> prompts) {
        return Executors.newFixedThreadPool(4);
    }
}
