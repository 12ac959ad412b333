package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.FanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import java.util.ArrayList;
import java.util.List;

/** Mutant: the plain loop, one call at a time. */
public class OneAfterAnotherFanOut implements FanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String request : requests) {
            answers.add(service.call(request));
        }
        return answers;
    }
}
