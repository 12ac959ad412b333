package ai.asyncjava.solutions.ch01.mutants;

import com.google.genai.Client;

/** Mutant: a correct fan-out whose close() forgets the client, so its connections and threads stay. */
public class NeverClosesFanOut extends SyncCallsFanOut {

    public NeverClosesFanOut(Client.Builder builder) {
        super(builder);
    }

    @Override
    public void close() {
        // nothing: the client built in the constructor stays open
    }
}
