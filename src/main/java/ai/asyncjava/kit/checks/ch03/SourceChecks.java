package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.exercises.ch03.PromptSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 03's shard reader: a {@link PromptSource} over a folder of
 * {@code .txt} shards, made by the learner's factory from the folder's path.
 */
@HiddenChecks(secondsPerCheck = 2)
class SourceChecks {

    /** More calls than any folder here has prompts: a source that never ends is stopped by this. */
    private static final int MOST_CALLS = 200;

    @Test
    @Order(1)
    @DisplayName("hands out every prompt of every shard, each shard's lines in order, then the end")
    void everyPrompt(Function<Path, ? extends PromptSource> newSource) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            Map<String, List<String>> shards = new LinkedHashMap<>();
            shards.put("shard_0.txt", List.of("What is two times 0?", "What is two times 1?", "What is two times 2?"));
            shards.put("shard_1.txt", List.of("What is two times 3?", "What is two times 4?"));
            shards.put("shard_2.txt", List.of("What is two times 5?", "What is two times 6?", "What is two times 7?"));
            folder.write("shard_0.txt", "What is two times 0?\nWhat is two times 1?\nWhat is two times 2?\n");
            // A blank line, and no newline at the end.
            folder.write("shard_1.txt", "What is two times 3?\n\nWhat is two times 4?");
            folder.write("shard_2.txt", "What is two times 5?\nWhat is two times 6?\nWhat is two times 7?\n");
            folder.write("README.md", "Prompts for chapter 03, one per line.\n"); // not a shard

            List<String> got = new ArrayList<>();
            try (PromptSource source = open(newSource, folder.dir)) {
                drain(source, got);
                for (int i = 0; i < 2; i++) {
                    Optional<String> after = source.next();
                    if (after == null || after.isPresent()) {
                        fail("After the last prompt, next() returned " + after + " on a later call; once the "
                                + "prompts are used up it must keep returning Optional.empty().");
                    }
                }
            }
            requireSamePrompts(shards, got);
        }
    }

    @Test
    @Order(2)
    @DisplayName("skips a shard with no prompts and goes on to the next")
    void skipsEmptyShards(Function<Path, ? extends PromptSource> newSource) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            Map<String, List<String>> shards = new LinkedHashMap<>();
            shards.put("shard_0.txt", List.of("What is two times 0?", "What is two times 1?"));
            shards.put("shard_1.txt", List.of());
            shards.put("shard_2.txt", List.of());
            shards.put("shard_3.txt", List.of("What is two times 2?", "What is two times 3?"));
            folder.write("shard_0.txt", "What is two times 0?\nWhat is two times 1?\n");
            folder.write("shard_1.txt", ""); // empty
            folder.write("shard_2.txt", "\n   \n\n"); // blank lines only
            folder.write("shard_3.txt", "What is two times 2?\nWhat is two times 3?\n");

            List<String> got = new ArrayList<>();
            try (PromptSource source = open(newSource, folder.dir)) {
                drain(source, got);
            }
            if (got.size() == 2 && got.containsAll(shards.get("shard_0.txt"))) {
                fail("next() gave the 2 prompts of shard_0.txt, then returned empty; but shard_3.txt holds 2 more. "
                        + "shard_1.txt is empty and shard_2.txt has only blank lines: a shard without prompts is "
                        + "not the end of them. When a shard is used up, go on to the next until you find a prompt "
                        + "or run out of shards (a loop, not a single step).");
            }
            requireSamePrompts(shards, got);
        }
    }

    @Test
    @Order(3)
    @DisplayName("opens a shard only when the one before it is used up")
    void readsLazily(Function<Path, ? extends PromptSource> newSource) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            List<String> names = List.of("shard_0.txt", "shard_1.txt", "shard_2.txt");
            for (int s = 0; s < names.size(); s++) {
                folder.write(names.get(s), lines(3 * s, 3 * s + 3));
            }
            List<String> got = new ArrayList<>();
            try (PromptSource source = open(newSource, folder.dir)) {
                Optional<String> first = source.next();
                if (first == null || first.isEmpty()) {
                    fail("The first call of next() returned " + first + " for a folder of 3 shards of 3 prompts.");
                }
                got.add(first.get());
                // Shards the source has not got to yet grow by a line each.
                int firstShard = Integer.parseInt(first.get().replaceAll("\\D+", "")) / 3;
                List<String> added = new ArrayList<>();
                for (int s = 0; s < names.size(); s++) {
                    if (s != firstShard) {
                        String line = "What is two times " + (100 + s) + "?";
                        folder.append(names.get(s), line);
                        added.add(line);
                    }
                }
                drain(source, got);
                List<String> originals = new ArrayList<>();
                for (int i = 0; i < 3 * names.size(); i++) {
                    originals.add("What is two times " + i + "?");
                }
                List<String> neverGiven = originals.stream().filter(p -> !got.contains(p)).toList();
                if (!neverGiven.isEmpty()) {
                    fail("next() never gave " + Deliveries.quoted(neverGiven) + " from a folder of 3 shards of 3 "
                            + "prompts. When a shard is used up, go on to the next one.");
                }
                List<String> missed = added.stream().filter(line -> !got.contains(line)).toList();
                if (!missed.isEmpty()) {
                    fail("After the first prompt, a line was added to each shard the source had not opened yet, "
                            + "and " + Deliveries.quoted(missed) + " never came out: the source read every shard "
                            + "before it was asked for their prompts. Open a shard only when the one before it is "
                            + "used up, so that a reader stopped by a full queue stops reading, and a huge input "
                            + "never sits in memory whole.");
                }
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("closes each shard once it is used up, and the open one on close()")
    void closesShards(Function<Path, ? extends PromptSource> newSource) throws Exception {
        if (!ShardFolder.canSeeOpenFiles()) {
            return; // this system does not list a process's open files
        }
        try (ShardFolder folder = new ShardFolder()) {
            for (int s = 0; s < 4; s++) {
                folder.write("shard_" + s + ".txt", lines(3 * s, 3 * s + 3));
            }
            PromptSource source = open(newSource, folder.dir);
            List<String> got = new ArrayList<>();
            drain(source, got);
            if (got.isEmpty()) {
                fail("next() gave no prompts from a folder of 4 shards, so there is nothing to close yet.");
            }
            List<String> open = folder.openFiles();
            source.close();
            if (!open.isEmpty()) {
                fail("After the last prompt, " + open.size() + (open.size() == 1 ? " shard was" : " shards were")
                        + " still open (" + open + "). Close each "
                        + "shard as soon as it is used up (try-with-resources, or close() before opening the next).");
            }

            PromptSource halfway = open(newSource, folder.dir);
            halfway.next();
            halfway.next();
            halfway.close();
            open = folder.openFiles();
            if (!open.isEmpty()) {
                fail("After close(), called in the middle of a shard, " + open + " was still open; close() must "
                        + "close the shard the source is reading.");
            }
        }
    }

    private static PromptSource open(Function<Path, ? extends PromptSource> newSource, Path dir) {
        PromptSource source = newSource.apply(dir);
        if (source == null) {
            fail("Your factory returned null instead of a PromptSource.");
        }
        return source;
    }

    private static void drain(PromptSource source, List<String> into) throws Exception {
        for (int calls = 0; calls < MOST_CALLS; calls++) {
            Optional<String> prompt = source.next();
            if (prompt == null) {
                fail("next() returned null; return Optional.empty() once there are no more prompts.");
            }
            if (prompt.isEmpty()) {
                return;
            }
            into.add(prompt.get());
        }
        fail("next() gave " + MOST_CALLS + " prompts from a folder that holds far fewer, and had not ended; "
                + "the first were " + into.subList(0, 5) + ". Does it start the shards over?");
    }

    private static void requireSamePrompts(Map<String, List<String>> shards, List<String> got) {
        List<String> expected = shards.values().stream().flatMap(List::stream).toList();
        if (got.stream().anyMatch(String::isBlank)) {
            fail("next() gave a blank line as a prompt. Skip blank lines: only the non-blank lines of a shard are "
                    + "prompts.");
        }
        List<String> strangers = got.stream().filter(p -> !expected.contains(p)).distinct().toList();
        if (!strangers.isEmpty()) {
            fail("next() gave " + Deliveries.quoted(strangers) + ", which is not a line of any shard: hand out the "
                    + "lines of the files whose names end in .txt, and nothing else.");
        }
        List<String> missing = new ArrayList<>(expected);
        got.forEach(missing::remove);
        if (!missing.isEmpty()) {
            fail("next() never gave " + Deliveries.quoted(missing) + " (it gave " + got.size() + " of the "
                    + expected.size() + " prompts in " + shards.size() + " shards before it returned empty). "
                    + "When a shard is used up, go on to the next one.");
        }
        if (got.size() > expected.size()) {
            fail("next() gave " + got.size() + " prompts for the " + expected.size() + " lines of the shards; some "
                    + "came out twice.");
        }
        for (Map.Entry<String, List<String>> shard : shards.entrySet()) {
            List<String> inOrderGot = got.stream().filter(shard.getValue()::contains).toList();
            if (!inOrderGot.equals(shard.getValue())) {
                fail("The lines of " + shard.getKey() + " came out as " + inOrderGot + "; hand them out in the "
                        + "order they stand in the file.");
            }
        }
    }

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append("What is two times ").append(i).append("?\n");
        }
        return text.toString();
    }
}
