package ai.asyncjava.kit.grading;

import java.time.Duration;
import java.util.List;

/**
 * What the instructor asked for on the command line, checked.
 *
 * @param timeout          the wall-clock limit of one submission (each phase)
 * @param memoryMb         each worker's heap, {@code -Xmx}
 * @param jobs             submissions graded at once
 * @param slowdown         the checks' base slowdown factor: the re-runs use it, the parallel phase more
 * @param learnerCellLimit how long one of the learner's cells may run before it is stopped
 * @param maxThreads       live platform threads beyond which a worker counts as a thread bomb
 * @param chapters         the chapters to grade (all graded chapters when empty)
 * @param shard            which part of the class this run grades
 */
public record GraderOptions(Duration timeout, long memoryMb, int jobs, double slowdown, Duration learnerCellLimit,
                            int maxThreads, List<String> chapters, Shard shard) {

    public GraderOptions {
        chapters = List.copyOf(chapters);
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be 1 or more, not " + jobs);
        }
        if (memoryMb < 128) {
            throw new IllegalArgumentException("--memory must be at least 128m: the kit itself needs that much");
        }
        if (timeout.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("--timeout must be at least 10s: a JVM takes a few seconds to start");
        }
        if (!(slowdown >= 1 && slowdown <= 100)) {
            throw new IllegalArgumentException("--slowdown must be from 1 to 100, not " + slowdown);
        }
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("--max-threads must be at least " + MIN_THREADS
                    + ": the kit, its simulators and the HTTP clients start platform threads of their own");
        }
        for (String chapter : chapters) {
            if (CourseChapters.byId(chapter).isEmpty()) {
                throw new IllegalArgumentException("--chapters: there is no graded chapter \"" + chapter
                        + "\"; the graded chapters are " + String.join(", ", CourseChapters.ids()));
            }
        }
    }

    /** The defaults of {@code ./course grade}: 300 s and 1 GB a submission, one job, the base factor 1. */
    public static GraderOptions defaults() {
        return new GraderOptions(Duration.ofSeconds(300), 1024, 1, 1.0, Duration.ofSeconds(30), 2000, List.of(),
                Shard.WHOLE);
    }

    /**
     * The lowest {@code --max-threads}: every chapter's reference gets full marks with it
     * ({@code GradingBenchmark} with {@code -Dcourse.grading.max-threads=200}).
     */
    public static final int MIN_THREADS = 200;

    /**
     * How far the parallel phase may raise the factor. Measured with every mutant of every
     * exercise (solutions' proofs run at a fixed factor): at ×1.25 and ×1.5 one check no longer
     * catches its mutant (ch01 takesAboutOneCall lets FourThreadPoolFanOut through), at ×2 three
     * (also ch02 firstLimitAtOnce / PacedRateLimiter, ch04 noPointlessWaitWhenSlow /
     * NeverAdaptsBatcher). So for now the parallel phase keeps the base factor (×1.0): a correct
     * check that fails under load is run again alone instead. Raise this once those checks
     * catch their mutants at ×2.
     */
    public static final double MOST_RAISED = 1.0;

    /** The slowdown factor of the parallel phase: raised by how many workers share each core, up to {@link #MOST_RAISED}. */
    public double parallelSlowdown(int cores) {
        double raised = slowdown * (1 + (double) (jobs - 1) / Math.max(1, cores));
        return Math.min(raised, slowdown * MOST_RAISED);
    }

    public List<String> chaptersToGrade() {
        return chapters.isEmpty() ? CourseChapters.ids() : chapters;
    }

    public GraderOptions withJobs(int newJobs) {
        return new GraderOptions(timeout, memoryMb, newJobs, slowdown, learnerCellLimit, maxThreads, chapters, shard);
    }
}
