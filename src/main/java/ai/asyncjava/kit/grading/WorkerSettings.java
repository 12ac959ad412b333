package ai.asyncjava.kit.grading;

import java.nio.file.Path;
import java.util.List;

/**
 * How worker JVMs are started: the same for every submission of a batch.
 *
 * @param java            the {@code java} launcher
 * @param classPath       the kit's class path
 * @param memoryMb        the heap limit, {@code -Xmx}
 * @param extraJvmOptions more options (the JDK 24+ Unsafe flag, a class-data archive)
 * @param isolation       the network isolation, or its absence
 */
record WorkerSettings(Path java, String classPath, long memoryMb, List<String> extraJvmOptions,
                      NetworkIsolation isolation) {

    /** This JVM's own launcher and class path, which hold the kit. */
    static WorkerSettings likeThisJvm(long memoryMb, NetworkIsolation isolation) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> extra = Runtime.version().feature() >= 24
                ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
        return new WorkerSettings(java, System.getProperty("java.class.path"), memoryMb, extra, isolation);
    }
}
