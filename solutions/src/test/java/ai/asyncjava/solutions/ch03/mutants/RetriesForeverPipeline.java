package ai.asyncjava.solutions.ch03.mutants;

import ai.asyncjava.kit.course.Gemini;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import java.util.concurrent.atomic.AtomicInteger;

/** Mutant: every failed call is tried again, forever, a 400 as much as a 503. */
public class RetriesForeverPipeline extends WorkerLoop {

    @Override
    protected String generate(Client client, String prompt, AtomicInteger failedCalls) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.models.generateContent(Gemini.MODEL, prompt, null).text();
            } catch (ApiException e) {
                failedCalls.incrementAndGet();
                Thread.sleep(pauseMillis(attempt));
            }
        }
    }
}
