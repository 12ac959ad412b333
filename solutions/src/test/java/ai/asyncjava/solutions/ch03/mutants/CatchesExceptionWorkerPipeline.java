package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.course.Gemini;
import com.google.genai.Client;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Mutant: a worker retries on {@code catch (Exception e)}, pausing before each retry inside the
 * try, so the interrupt of a cancelled run (the SDK's GenAiIOException, then sleep's
 * InterruptedException) is taken for a failed call and the worker carries on.
 */
public class CatchesExceptionWorkerPipeline extends WorkerLoop {

    @Override
    protected String generate(Client client, String prompt, AtomicInteger failedCalls) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt > 1) {
                    Thread.sleep(pauseMillis(attempt - 1));
                }
                return client.models.generateContent(Gemini.MODEL, prompt, null).text();
            } catch (Exception e) {
                failedCalls.incrementAndGet();
                if (attempt == TRIES) {
                    throw new IllegalStateException("gave up on \"" + prompt + "\"", e);
                }
            }
        }
    }
}
