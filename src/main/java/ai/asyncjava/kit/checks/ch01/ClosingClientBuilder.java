package ai.asyncjava.kit.checks.ch01;

import com.google.genai.Client;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The builder a check hands to the learner's constructor. It remembers every client it builds,
 * so that the check can close them afterwards: a client's HTTP thread pool would otherwise
 * linger for a minute and be reported as threads the learner left running.
 */
final class ClosingClientBuilder extends Client.Builder {

    private final List<Client> built = new CopyOnWriteArrayList<>();

    @Override
    public Client build() {
        Client client = super.build();
        built.add(client);
        return client;
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
