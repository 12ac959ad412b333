package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.solutions.ch00.VirtualThreadFanOut;
import java.util.ArrayList;
import java.util.List;

/** Mutant: runs the requests in groups of maxInFlight and waits for each whole group before the next. */
public class GroupByGroupFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += maxInFlight) {
            List<String> group = requests.subList(from, Math.min(from + maxInFlight, requests.size()));
            answers.addAll(new VirtualThreadFanOut().callAll(service, group));
        }
        return answers;
    }
}
