package ai.asyncjava.kit.checks.ch03;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says where a pipeline's threads are stuck, in the learner's terms: "3 threads waiting in
 * BlockingQueue.take, called from QueuePipeline.generateAnswers (line 61)", with a hint for the
 * usual cause of each kind of wait.
 */
final class StuckThreads {

    /** Packages that are not the learner's code: the JDK, the kit, the SDK and its HTTP stack. */
    private static final List<String> NOT_LEARNER_CODE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "ai.asyncjava.kit.", "org.junit.", "okhttp3.", "okio.", "kotlin.", "com.google.", "com.fasterxml.");

    private StuckThreads() {}

    /** The threads of {@code threads} that are still alive, described and grouped by where they wait. */
    static String describe(Collection<Thread> threads) {
        Map<String, Long> byPlace = threads.stream().filter(Thread::isAlive).collect(Collectors.groupingBy(
                StuckThreads::whereIs, LinkedHashMap::new, Collectors.counting()));
        return byPlace.entrySet().stream()
                .map(e -> e.getValue() + (e.getValue() == 1 ? " thread " : " threads ") + e.getKey())
                .collect(Collectors.joining("; "));
    }

    /** The usual cause of the waits among {@code threads}, or "" when there is no telling. */
    static String hint(Collection<Thread> threads) {
        // Only waits on a queue count here: the thread that called run waits for the stages anyway.
        List<String> waits = threads.stream().filter(Thread::isAlive).map(StuckThreads::waitingIn)
                .filter(w -> w.contains("Queue.")).toList();
        StringBuilder hint = new StringBuilder();
        if (waits.stream().anyMatch(w -> w.endsWith(".take") || w.endsWith(".poll"))) {
            hint.append(" A thread waiting in take() waits for an item that will never come: does every worker "
                    + "get an end-of-stream marker of its own, and does the writer hear from every worker?");
        }
        if (waits.stream().anyMatch(w -> w.endsWith(".put") || w.endsWith(".offer"))) {
            hint.append(" A thread waiting in put() waits for room in a full queue that nobody takes from any "
                    + "more: did a stage stop before the end of the stream?");
        }
        return hint.toString();
    }

    private static String whereIs(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            if (isLearnerCode(stack[i])) {
                String waiting = i > 0 ? "waiting in " + simpleMethod(stack[i - 1]) + ", called from " : "at ";
                return waiting + describe(stack[i]);
            }
        }
        return stack.length > 0 ? "in " + simpleMethod(stack[0]) : "that has no stack";
    }

    private static String waitingIn(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 1; i < stack.length; i++) {
            if (isLearnerCode(stack[i])) {
                return simpleMethod(stack[i - 1]);
            }
        }
        return "";
    }

    static boolean isLearnerCode(StackTraceElement frame) {
        return NOT_LEARNER_CODE.stream().noneMatch(frame.getClassName()::startsWith);
    }

    private static String simpleMethod(StackTraceElement frame) {
        String className = frame.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    private static String describe(StackTraceElement frame) {
        return ai.asyncjava.kit.checks.LearnerFrames.describe(frame);
    }
}
