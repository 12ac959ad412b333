package ai.asyncjava.kit.checks.ch01;

import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The builder a check hands to the learner's constructor. It remembers every client it builds,
 * so that a check can count them, try them after the learner's {@code close()}, and close them
 * afterwards whatever the learner did: a client's HTTP thread pool would otherwise linger for a
 * minute and be reported as threads the learner left running.
 */
final class ClosingClientBuilder extends Client.Builder {

    private final List<Client> built = new CopyOnWriteArrayList<>();

    @Override
    public Client build() {
        Client client = super.build();
        built.add(client);
        return client;
    }

    /** The clients built so far, in the order they were built. */
    List<Client> built() {
        return List.copyOf(built);
    }

    /** Closes every client built so far; one that fails to close does not stop the others. */
    void closeClients() {
        for (Client client : built) {
            try {
                client.close();
            } catch (RuntimeException alreadyBroken) {
                // nothing more to free
            }
        }
        built.clear();
    }
}
