package ai.asyncjava.kit.exercises.ch07;

/**
 * Work to do after an answer has been sent: writing the exchange to a store, or an evaluation call
 * that scores it. It is slow (a few hundred milliseconds), which is why it runs in the background.
 */
@FunctionalInterface
public interface ExchangeLog {

    /**
     * Records one answered exchange; blocks until it is recorded.
     *
     * @throws InterruptedException when the thread is interrupted first: the exchange is then lost
     */
    void record(String question, String answer) throws InterruptedException;
}
