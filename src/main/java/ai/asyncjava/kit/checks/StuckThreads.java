package ai.asyncjava.kit.checks;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says where threads of the learner's are, in the learner's terms: "3 threads waiting in
 * LinkedBlockingQueue.take, called from QueuePipeline.work (line 61); 1 thread idle in a thread
 * pool that was never shut down", with a hint for the usual cause of each kind of wait.
 */
public final class StuckThreads {

    private StuckThreads() {}

    /** The threads of {@code threads} that are still alive, grouped by where they are. */
    public static String describe(Collection<Thread> threads) {
        return describeStacks(stacksOf(threads));
    }

    /** Threads given by their stacks (innermost frame first), grouped by where they are. */
    public static String describeStacks(List<StackTraceElement[]> stacks) {
        Map<String, Long> byPlace = stacks.stream().collect(Collectors.groupingBy(
                StuckThreads::whereIs, LinkedHashMap::new, Collectors.counting()));
        return byPlace.entrySet().stream()
                .map(e -> Wording.count(e.getValue(), "thread") + " " + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /**
     * Where {@code thread} (a check-owned thread running learner code) and every other learner
     * thread of the running check wait, with the hint: "1 thread waiting in
     * LinkedBlockingQueue.take, called from MyBatcher.run (line 30). A thread waiting in take()
     * ...". For checks that cannot use {@link BoundedRun}, because they feed the learner's code
     * while it runs.
     */
    public static String inRunningCheck(Thread thread) {
        Set<Thread> threads = new LinkedHashSet<>();
        threads.add(thread);
        threads.addAll(LearnerThreads.ofRunningCheck());
        return describe(threads) + "." + hint(threads);
    }

    /** The usual cause of the waits among {@code threads}, as sentences that start with a space; or "". */
    public static String hint(Collection<Thread> threads) {
        return hintForStacks(stacksOf(threads));
    }

    /** {@link #hint} for threads given by their stacks. */
    public static String hintForStacks(List<StackTraceElement[]> stacks) {
        // Only waits on a queue count here: the thread that called the learner's code waits anyway.
        List<String> waits = stacks.stream().map(StuckThreads::waitingIn)
                .filter(w -> w.contains("Queue.")).toList();
        StringBuilder hint = new StringBuilder();
        if (waits.stream().anyMatch(w -> w.endsWith(".take") || w.endsWith(".poll"))) {
            hint.append(" A thread waiting in take() waits for an item that will never come: does every consumer "
                    + "get an end-of-stream marker of its own, and does each stage hear from every one before it?");
        }
        if (waits.stream().anyMatch(w -> w.endsWith(".put") || w.endsWith(".offer"))) {
            hint.append(" A thread waiting in put() waits for room in a full queue that nobody takes from any "
                    + "more: did a stage stop before the end of the stream?");
        }
        return hint.toString();
    }

    private static List<StackTraceElement[]> stacksOf(Collection<Thread> threads) {
        return threads.stream().filter(Thread::isAlive).map(Thread::getStackTrace).toList();
    }

    private static String whereIs(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (LearnerFrames.isLearnerCode(stack[i])) {
                String waiting = i > 0 ? "waiting in " + simpleMethod(stack[i - 1]) + ", called from " : "at ";
                return waiting + LearnerFrames.describe(stack[i]);
            }
        }
        if (isIdlePoolWorker(stack)) {
            return "idle in a thread pool that was never shut down (close the executor, for example with "
                    + "try-with-resources)";
        }
        return stack.length > 0 ? "in " + simpleMethod(stack[0]) : "that has no stack";
    }

    private static String waitingIn(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (LearnerFrames.isLearnerCode(stack[i])) {
                return simpleMethod(stack[i - 1]);
            }
        }
        return "";
    }

    private static boolean isIdlePoolWorker(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getMethodName().equals("getTask")
                || frame.getMethodName().equals("awaitWork"));
    }

    private static String simpleMethod(StackTraceElement frame) {
        String className = frame.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }
}
