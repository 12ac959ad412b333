package ai.asyncjava.kit.exercises.ch00;

/**
 * A remote service that takes a while to answer, like a model API: one request in, one
 * answer out. The checks hand learners a fake one that records how it was called.
 */
@FunctionalInterface
public interface SlowService {

    /** Sends one request and waits for its answer. */
    String call(String request) throws Exception;
}
