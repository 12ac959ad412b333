package ai.asyncjava.kit.checks.ch03;

import static org.junit.jupiter.api.Assertions.fail;

import ai.asyncjava.kit.checks.HiddenChecks;
import ai.asyncjava.kit.exercises.ch03.AnswerSink;
import ai.asyncjava.kit.exercises.ch03.PromptAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The hidden checks of chapter 03's shard writer: an {@link AnswerSink} that writes JSON lines into
 * {@code shard_0.jsonl}, {@code shard_1.jsonl}, ..., made by the learner's factory from a folder and
 * a shard size. The checks read the files back, line by line, as JSON.
 */
@HiddenChecks(secondsPerCheck = 2)
class ShardWriterChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHARD_NAME = Pattern.compile("shard_(\\d+)\\.jsonl");
    private static final int SHARD_SIZE = 3;

    /** Seven answers, with the characters hand-made JSON gets wrong. */
    private static final List<PromptAnswer> ANSWERS = List.of(
            new PromptAnswer("What is two times 0?", "2 times 0 is 0 (zero)."),
            new PromptAnswer("Say \"hello\" politely", "\"Hello,\" she said. \"Nice to meet you.\""),
            new PromptAnswer("Write a path", "C:\\Users\\ada\\notes.txt"),
            new PromptAnswer("Give me two lines", "first line\nsecond line"),
            new PromptAnswer("What is pi?", "π ≈ 3.14159, and τ = 2π."),
            new PromptAnswer("A tab?", "here:\there"),
            new PromptAnswer("What is two times 6?", "2 times 6 is 12 (twelve)."));

    @Test
    @Order(1)
    @DisplayName("writes each answer as one JSON line with its prompt and answer")
    void jsonLines(BiFunction<Path, Integer, ? extends AnswerSink> newWriter) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            Path out = folder.dir.resolve("outputs"); // not there yet: the writer makes it
            writeAll(newWriter, out, ANSWERS);
            List<PromptAnswer> read = readAll(out);
            if (read.size() > ANSWERS.size()) {
                fail("The shards hold " + read.size() + " lines for the " + ANSWERS.size() + " answers written: some "
                        + "answers were written more than once. Once a shard is written, start the next one empty.");
            }
            if (read.size() < ANSWERS.size()) {
                fail("The shards hold " + read.size() + " lines for the " + ANSWERS.size() + " answers written. "
                        + "A line still in a writer's buffer is not on disk: close (or flush) each shard.");
            }
            for (int i = 0; i < ANSWERS.size(); i++) {
                if (!read.get(i).equals(ANSWERS.get(i))) {
                    fail("Answer " + (i + 1) + " was written as " + JSON.writeValueAsString(read.get(i))
                            + ", not " + JSON.writeValueAsString(ANSWERS.get(i)) + ". Write the answers in the "
                            + "order they come, each with its own prompt.");
                }
            }
        }
    }

    @Test
    @Order(2)
    @DisplayName("keeps at most shardSize lines per shard, named shard_0.jsonl, shard_1.jsonl, ...")
    void shardSizes(BiFunction<Path, Integer, ? extends AnswerSink> newWriter) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            requireShards(newWriter, folder.dir.resolve("seven"), ANSWERS, List.of(3L, 3L, 1L));
            requireShards(newWriter, folder.dir.resolve("six"), ANSWERS.subList(0, 6), List.of(3L, 3L));
        }
    }

    @Test
    @Order(3)
    @DisplayName("finishes a full shard before it writes the next answer")
    void fullShardOnDisk(BiFunction<Path, Integer, ? extends AnswerSink> newWriter) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            Path out = folder.dir.resolve("outputs");
            try (AnswerSink writer = open(newWriter, out)) {
                for (PromptAnswer answer : ANSWERS.subList(0, SHARD_SIZE + 1)) {
                    writer.write(answer);
                }
                Path first = out.resolve("shard_0.jsonl");
                List<String> onDisk = Files.exists(first) ? Files.readAllLines(first) : List.of();
                if (onDisk.size() != SHARD_SIZE || !onDisk.getLast().startsWith("{")) {
                    fail("With shards of " + SHARD_SIZE + " and " + (SHARD_SIZE + 1) + " answers written, "
                            + "shard_0.jsonl held " + onDisk.size() + " complete lines on disk before close(). Close "
                            + "a shard as soon as it is full: then it is complete for whoever reads it next, and "
                            + "nothing of it is lost if the program stops later.");
                }
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("writes the last, partly filled shard when closed")
    void lastShardOnClose(BiFunction<Path, Integer, ? extends AnswerSink> newWriter) throws Exception {
        try (ShardFolder folder = new ShardFolder()) {
            Path out = folder.dir.resolve("outputs");
            writeAll(newWriter, out, ANSWERS);
            Path last = out.resolve("shard_2.jsonl");
            long lines = Files.exists(last) ? Files.readAllLines(last).stream().filter(l -> !l.isBlank()).count() : 0;
            if (lines != 1) {
                fail("After 7 answers in shards of 3 and close(), shard_2.jsonl held " + lines + " lines instead "
                        + "of the last answer. close() must finish the shard being written: close its writer, "
                        + "which flushes what is still in its buffer.");
            }
        }
    }

    private static AnswerSink open(BiFunction<Path, Integer, ? extends AnswerSink> newWriter, Path dir) {
        AnswerSink writer = newWriter.apply(dir, SHARD_SIZE);
        if (writer == null) {
            fail("Your factory returned null instead of an AnswerSink.");
        }
        return writer;
    }

    private static void writeAll(BiFunction<Path, Integer, ? extends AnswerSink> newWriter, Path dir,
                                 List<PromptAnswer> answers) throws Exception {
        try (AnswerSink writer = open(newWriter, dir)) {
            for (PromptAnswer answer : answers) {
                writer.write(answer);
            }
        }
    }

    private static void requireShards(BiFunction<Path, Integer, ? extends AnswerSink> newWriter, Path dir,
                                      List<PromptAnswer> answers, List<Long> expectedLines) throws Exception {
        writeAll(newWriter, dir, answers);
        List<String> names = Files.exists(dir) ? names(dir) : List.of();
        List<String> expectedNames = new ArrayList<>();
        for (int i = 0; i < expectedLines.size(); i++) {
            expectedNames.add("shard_" + i + ".jsonl");
        }
        List<Long> lines = new ArrayList<>();
        for (String name : names) {
            lines.add(Files.readAllLines(dir.resolve(name)).stream().filter(l -> !l.isBlank()).count());
        }
        if (!Set.copyOf(names).equals(Set.copyOf(expectedNames)) || !lines.equals(expectedLines)) {
            fail(answers.size() + " answers in shards of " + SHARD_SIZE + " should make " + describe(expectedNames,
                    expectedLines) + "; the writer made " + (names.isEmpty() ? "no files" : describe(names, lines))
                    + ". Start a new shard when an answer comes that does not fit in the current one, and number "
                    + "the shards from 0.");
        }
    }

    private static String describe(List<String> names, List<Long> lines) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + " (" + lines.get(i) + (lines.get(i) == 1 ? " line)" : " lines)"));
        }
        return String.join(", ", parts);
    }

    /** The files in {@code dir}, shards first in number order, anything else after. */
    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted(Comparator.comparingLong(ShardWriterChecks::shardNumber)
                    .thenComparing(p -> p.getFileName().toString())).toList();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        return list(dir).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static long shardNumber(Path file) {
        Matcher m = SHARD_NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    /** Every line of every shard, in shard order, parsed. */
    private static List<PromptAnswer> readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            fail("After the answers were written and the writer closed, there is no folder " + dir.getFileName()
                    + ". Create the output folder if it is not there (Files.createDirectories).");
        }
        List<Path> shards = list(dir).stream().filter(p -> shardNumber(p) != Long.MAX_VALUE).toList();
        if (shards.isEmpty()) {
            fail("After the answers were written and the writer closed, the output folder holds no "
                    + "shard_N.jsonl files, only " + names(dir) + ".");
        }
        List<PromptAnswer> read = new ArrayList<>();
        for (Path shard : shards) {
            List<String> lines = Files.readAllLines(shard);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    read.add(parse(shard.getFileName() + " line " + (i + 1), lines.get(i)));
                }
            }
        }
        return read;
    }

    private static PromptAnswer parse(String where, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            fail(where + " is not a JSON object: " + line + ". An answer with quotes, backslashes or a line break "
                    + "needs escaping; let Jackson write each line (new ObjectMapper().writeValueAsString(answer)).");
        }
        if (!node.path("prompt").isTextual() || !node.path("answer").isTextual()) {
            fail(where + " is " + line + "; each line needs the text fields \"prompt\" and \"answer\".");
        }
        return new PromptAnswer(node.get("prompt").asText(), node.get("answer").asText());
    }
}
