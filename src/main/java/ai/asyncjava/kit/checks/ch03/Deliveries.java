package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import ai.asyncjava.kit.simulators.gemini.GeminiAnswers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks, item by item, what a pipeline wrote against the prompts it was given: nothing lost,
 * nothing written twice, and every answer beside its own prompt. The simulator's answers are
 * deterministic ({@link GeminiAnswers#answerTo}), so a mixed-up pair is recognised for what it is.
 */
final class Deliveries {

    private static final int EXAMPLES = 3;

    private Deliveries() {}

    /**
     * Fails, naming the first kind of damage found, unless every prompt was written exactly once
     * with its own answer.
     *
     * @param lostHint said after the list of prompts never written: the likely cause in this check
     */
    static void requireEveryPromptOnce(List<String> prompts, List<PromptAnswer> written, String lostHint) {
        if (written.contains(null)) {
            fail("write was called with null; hand the sink a PromptAnswer of a prompt and its answer.");
        }
        List<PromptAnswer> incomplete = written.stream().filter(a -> a.prompt() == null || a.answer() == null).toList();
        if (!incomplete.isEmpty()) {
            fail(incomplete.size() + " answers were written with a null prompt or answer, for example "
                    + incomplete.getFirst() + ". A PromptAnswer carries the prompt as the source gave it and the text of its answer.");
        }
        List<String> strangers = written.stream().map(PromptAnswer::prompt).filter(p -> !prompts.contains(p))
                .distinct().toList();
        if (!strangers.isEmpty()) {
            fail("The sink got prompts the source never gave: " + quoted(strangers)
                    + ". Write each prompt exactly as the source handed it out.");
        }
        requireOwnAnswers(prompts, written);
        requireNoneTwice(written);
        List<String> lost = new ArrayList<>(prompts);
        written.forEach(a -> lost.remove(a.prompt()));
        if (!lost.isEmpty()) {
            fail(lost.size() + " of the " + prompts.size() + " prompts were never written: " + quoted(lost) + "."
                    + lostHint);
        }
    }

    private static void requireOwnAnswers(List<String> prompts, List<PromptAnswer> written) {
        List<String> mixups = new ArrayList<>();
        int wrong = 0;
        for (PromptAnswer pair : written) {
            if (pair.answer().equals(GeminiAnswers.answerTo(pair.prompt()))) {
                continue;
            }
            wrong++;
            if (mixups.size() < EXAMPLES) {
                String owner = prompts.stream().filter(p -> GeminiAnswers.answerTo(p).equals(pair.answer())).findFirst()
                        .map(p -> "the answer to \"" + p + "\"")
                        .orElse("an answer that belongs to none of the prompts");
                mixups.add("\"" + pair.prompt() + "\" was written with " + owner
                        + " (\"" + shorten(pair.answer()) + "\")");
            }
        }
        if (wrong > 0) {
            fail(wrong + " of the " + written.size() + " answers were written beside the wrong prompt: "
                    + String.join("; ", mixups) + ". Keep each prompt with its own answer: carry both together "
                    + "(a PromptAnswer) from the worker that made the call to the writer, and keep no per-call "
                    + "state in fields that all workers share.");
        }
    }

    private static void requireNoneTwice(List<PromptAnswer> written) {
        Map<String, Long> times = written.stream().collect(Collectors.groupingBy(PromptAnswer::prompt,
                LinkedHashMap::new, Collectors.counting()));
        List<String> twice = times.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + "\" (" + e.getValue() + " times)").toList();
        if (!twice.isEmpty()) {
            String shown = twice.stream().limit(EXAMPLES).map(s -> "\"" + s).collect(Collectors.joining(", "));
            fail(twice.size() + " prompts were written more than once: " + shown
                    + (twice.size() > EXAMPLES ? " and " + (twice.size() - EXAMPLES) + " more" : "")
                    + ". Each prompt must reach the sink exactly once: once a call succeeds, its worker hands "
                    + "the answer on once and moves on to its next prompt.");
        }
    }

    static String quoted(List<String> items) {
        String shown = items.stream().limit(EXAMPLES).map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        return items.size() > EXAMPLES ? shown + " and " + (items.size() - EXAMPLES) + " more" : shown;
    }

    private static String shorten(String text) {
        String oneLine = Objects.toString(text).replace('\n', ' ');
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
