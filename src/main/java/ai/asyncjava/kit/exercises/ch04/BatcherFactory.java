package ai.asyncjava.kit.exercises.ch04;

import java.time.Duration;

/**
 * Makes a batcher with the given limits. A class with a constructor {@code (int, Duration)}
 * is one: {@code SizeOrTimeoutBatcher::new}. The checks make a fresh batcher for every check.
 */
@FunctionalInterface
public interface BatcherFactory {

    /**
     * A new batcher.
     *
     * @param batchSize the most items one batch may hold
     * @param timeout   the longest any item may wait in the batcher before its batch is sent
     */
    Batcher<String> create(int batchSize, Duration timeout);
}
