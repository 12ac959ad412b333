package ai.asyncjava.kit.exercises.ch00;

import java.util.List;

/**
 * Chapter 00, going further: take answers as they come, the Java counterpart of
 * {@code asyncio.as_completed}. Asking several models (or replicas) the same thing and
 * keeping the first good answers is a common way to cut the slowest calls' latency.
 */
public interface FirstAnswers {

    /**
     * Calls {@code service} once per request, all at the same time, and returns the first
     * {@code wanted} answers to arrive, in the order they arrived. It returns as soon as it
     * has them, and stops the calls it no longer needs (by interrupting their threads)
     * before it returns. A call that fails is skipped: its place goes to the next answer.
     *
     * @param wanted how many answers to return; at least 1 and at most {@code requests.size()}
     * @throws Exception when so many calls fail that fewer than {@code wanted} answers can
     *                   come; it is, or has as its cause, one of the failures
     */
    List<String> firstAnswers(SlowService service, List<String> requests, int wanted) throws Exception;
}
