package ai.asyncjava.kit.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the stack frames that belong to the learner's code out of a stack trace, and prints
 * them the way the learner wrote them. Learner code is whatever is not the JDK, JUnit, the
 * kit or a library it ships: a class declared in a notebook cell, or a reference solution or
 * mutant in tests.
 */
public final class LearnerFrames {

    private static final List<String> NOT_LEARNER_CODE = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "org.opentest4j.", "ai.asyncjava.kit.",
            // the libraries the kit ships (google-genai, OkHttp and what they use)
            "com.google.", "okhttp3.", "okio.", "kotlin.", "com.fasterxml.");

    /** JShell wraps every cell's declarations in a class such as {@code REPL.$JShell$12$}. */
    private static final Pattern JSHELL_WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]?\\$");

    private LearnerFrames() {}

    public static boolean isLearnerCode(StackTraceElement frame) {
        String className = frame.getClassName();
        return NOT_LEARNER_CODE.stream().noneMatch(className::startsWith);
    }

    /** The first {@code limit} learner frames of {@code stack}, printed. */
    public static List<String> first(StackTraceElement[] stack, int limit) {
        return Arrays.stream(stack).filter(LearnerFrames::isLearnerCode).limit(limit).map(LearnerFrames::describe).toList();
    }

    /** The innermost learner frame of a thread's stack: where the learner's code is. */
    public static Optional<String> innermost(StackTraceElement[] stack) {
        return Arrays.stream(stack).filter(LearnerFrames::isLearnerCode).findFirst().map(LearnerFrames::describe);
    }

    /**
     * "VirtualThreadFanOut.callAll (line 9)" for notebook code, where the file is a JShell
     * snippet id that means nothing to the learner; "Name.method (Name.java:9)" otherwise.
     */
    public static String describe(StackTraceElement frame) {
        String className = JSHELL_WRAPPER.matcher(frame.getClassName()).replaceFirst("");
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String method = simpleName + "." + frame.getMethodName();
        String file = frame.getFileName();
        if (frame.getLineNumber() < 0) {
            return method;
        }
        if (file == null || file.startsWith("#")) {
            return method + " (line " + frame.getLineNumber() + ")";
        }
        return method + " (" + file + ":" + frame.getLineNumber() + ")";
    }
}
