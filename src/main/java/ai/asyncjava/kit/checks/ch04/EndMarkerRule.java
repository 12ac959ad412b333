package ai.asyncjava.kit.checks.ch04;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.Wording;
import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch04.TimedQueue;
import java.time.Duration;
import java.util.List;

/**
 * The end-of-stream rule every stage of the chapter keeps: it reads until the marker arrives,
 * passes the marker on exactly once as its last message, and returns.
 */
final class EndMarkerRule {

    private EndMarkerRule() {}

    /**
     * Fails with the first broken part of the rule.
     *
     * @param output            what the stage put on its output queue
     * @param returnedBeforeEnd whether run() had returned before the marker was put on its input
     * @param stuck             where the learner's threads waited when the check stopped watching a
     *                          run() that had not returned; null when it had returned
     * @param requireReturn     whether run() must have returned, too
     * @param waited            how long the check watched after the marker arrived
     * @param message           what the stage sends besides the marker: "batch", "result"
     */
    static void require(List<? extends TimedQueue.Put<?>> output, boolean returnedBeforeEnd, String stuck,
                        boolean requireReturn, Duration waited, String message) {
        boolean returned = stuck == null;
        if (returnedBeforeEnd) {
            fail("run() returned before the end marker arrived; keep reading the input until it does.");
        }
        long ends = output.stream().filter(put -> put.message() instanceof Message.EndOfStream).count();
        if (ends == 0) {
            fail(returned
                    ? "run() returned without putting the end marker on the output queue, so the next stage "
                            + "would wait for it forever. Pass the marker on before you return."
                    : "The end marker never came out: " + Wording.duration(waited) + " after it arrived, run() had "
                            + "neither passed it on nor returned. Still waiting: " + stuck);
        }
        if (ends > 1) {
            fail("The end marker was put on the output queue " + ends + " times; put it there once.");
        }
        if (!(output.getLast().message() instanceof Message.EndOfStream)) {
            long after = output.size() - 1 - indexOfEnd(output);
            fail(Wording.count(after, message) + " came out after the end marker. The next stage stops "
                    + "reading at the marker and would never see " + (after == 1 ? "it" : "them")
                    + ": pass the marker on only after everything else.");
        }
        if (requireReturn && !returned) {
            fail("run() passed the end marker on but had not returned " + Wording.duration(waited) + " after the "
                    + "marker arrived. Return once the marker is passed on, so the thread running the stage can end. "
                    + "Still waiting: " + stuck);
        }
    }

    private static int indexOfEnd(List<? extends TimedQueue.Put<?>> output) {
        for (int i = 0; i < output.size(); i++) {
            if (output.get(i).message() instanceof Message.EndOfStream) {
                return i;
            }
        }
        return -1;
    }
}
