package ai.asyncjava.solutions.ch00.mutants;

import ai.asyncjava.kit.exercises.ch00.BoundedFanOut;
import ai.asyncjava.kit.exercises.ch00.SlowService;
import ai.asyncjava.solutions.ch00.VirtualThreadFanOut;
import java.util.List;

/** Mutant: step 1's fan-out, with maxInFlight ignored. */
public class UnboundedFanOut implements BoundedFanOut {

    @Override
    public List<String> callAll(SlowService service, List<String> requests, int maxInFlight) throws Exception {
        return new VirtualThreadFanOut().callAll(service, requests);
    }
}
