package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Mutant: reports a failure with an exception of its own that drops the SDK's ApiException and its code. */
public class LosesTheCauseFanOut extends SyncCallsFanOut {

    public LosesTheCauseFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    String answerOf(Future<String> call) throws Exception {
        try {
            return call.get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a call to the model failed");
        }
    }
}
