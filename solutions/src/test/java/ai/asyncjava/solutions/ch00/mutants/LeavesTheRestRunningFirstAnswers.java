package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FirstAnswers;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;

/** Mutant: returns as soon as it has its answers, but leaves the calls it no longer needs running. */
public class LeavesTheRestRunningFirstAnswers implements FirstAnswers {

    @Override
    public List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception {
        CompletionService<String> finished = new ExecutorCompletionService<>(Executors.newVirtualThreadPerTaskExecutor());
        requests.forEach(request -> finished.submit(() -> service.call(request)));
        return TakeAsTheyFinish.firstAnswers(finished, requests.size(), wanted);
    }
}
