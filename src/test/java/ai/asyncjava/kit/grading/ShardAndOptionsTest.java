package ai.asyncjava.kit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardAndOptionsTest {

    @Test
    void shardsCoverEveryStudentExactlyOnce() {
        List<String> students = IntStream.range(0, 500).mapToObj(i -> "student-" + i).toList();
        for (int count : List.of(1, 2, 3, 7)) {
            for (String student : students) {
                long shards = IntStream.rangeClosed(1, count).filter(k -> new Shard(k, count).includes(student)).count();
                assertEquals(1, shards, student + " in " + count + " shards");
            }
        }
    }

    @Test
    void aShardIsParsedFromKOverN() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/4"));
        assertTrue(wrong.getMessage().contains("1 <= K <= N"), wrong.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("half")).getMessage()
                .contains("--shard takes K/N"));
    }

    @Test
    void theSlowdownGrowsWithTheJobsPerCoreUpToTwice() {
        GraderOptions one = GraderOptions.defaults();
        assertEquals(1.0, one.parallelSlowdown(2));
        assertEquals(Math.min(1.5, GraderOptions.MOST_RAISED), one.withJobs(2).parallelSlowdown(2));
        assertEquals(GraderOptions.MOST_RAISED, one.withJobs(16).parallelSlowdown(2),
                "never past the factor at which every mutant is still caught");
        assertEquals(Math.min(1.125, GraderOptions.MOST_RAISED), one.withJobs(2).parallelSlowdown(8));

    }

    @Test
    void badOptionsAreNamed() {
        GraderOptions d = GraderOptions.defaults();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GraderOptions(d.timeout(), d.memoryMb(), 0,
                1, d.learnerCellLimit(), d.maxThreads(), List.of(), Shard.WHOLE)).getMessage().contains("--jobs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GraderOptions(d.timeout(), 64, 1,
                1, d.learnerCellLimit(), d.maxThreads(), List.of(), Shard.WHOLE)).getMessage().contains("--memory"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GraderOptions(Duration.ofSeconds(2),
                d.memoryMb(), 1, 1, d.learnerCellLimit(), d.maxThreads(), List.of(), Shard.WHOLE)).getMessage()
                .contains("--timeout"));
        String chapter = assertThrows(IllegalArgumentException.class, () -> new GraderOptions(d.timeout(),
                d.memoryMb(), 1, 1, d.learnerCellLimit(), d.maxThreads(), List.of("09"), Shard.WHOLE)).getMessage();
        assertTrue(chapter.contains("\"09\"") && chapter.contains("00, 01, 02, 03, 04"), chapter);
        String threads = assertThrows(IllegalArgumentException.class, () -> new GraderOptions(d.timeout(),
                d.memoryMb(), 1, 1, d.learnerCellLimit(), 50, List.of(), Shard.WHOLE)).getMessage();
        assertTrue(threads.contains("--max-threads") && threads.contains("200"), threads);
    }
}
