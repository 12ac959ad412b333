package ai.asyncjava.solutions.ch05;

import ai.asyncjava.kit.exercises.Message;
import ai.asyncjava.kit.exercises.ch05.Crawler;
import ai.asyncjava.kit.exercises.ch05.ParsedPage;
import ai.asyncjava.kit.simulators.LatencyModel;
import ai.asyncjava.kit.simulators.shop.ShopConfig;
import ai.asyncjava.kit.simulators.shop.ShopSimulator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not part of the build: the reference crawlers' times for the closing note of
 * chapter 05. The 50-page site at 100 ms a page with 1, 2, 5 and 10 workers against the bound
 * {@code pages × latency ÷ workers}; the 5,000-page site with 50 workers at 0 and 100 ms, in pages
 * per second and peak heap; and parsing on a pool against parsing on the workers.
 *
 * <pre>
 * mvn -B -pl src,solutions -am verify -Dtest=CrawlBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcourse.crawl.benchmark=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "course.crawl.benchmark", matches = "true")
class CrawlBenchmark {

    private record Result(int pages, Duration took, long peakHeapBytes) {
        double pagesPerSecond() {
            return pages / (took.toNanos() / 1e9);
        }
    }

    @Test
    void crawlTimes() throws Exception {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nprocessors: %d, max heap: %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        try (ShopSimulator small = ShopSimulator.start(ShopConfig.small())) {
            crawl(small, new BreadthFirstCrawler(10, 10_000)); // warm-up
            out.append("50-page site, 100 ms a page (slow pages 400 ms):\n");
            for (int workers : List.of(1, 2, 5, 10)) {
                Result result = crawl(small, new BreadthFirstCrawler(workers, 10_000));
                int requests = small.log().requests().size();
                double bound = requests * 100.0 / workers;
                // The slow pages take 400 ms: the work the site really did, shared by the workers.
                double work = small.log().requests().stream().mapToDouble(r -> r.durationMs()).sum() / workers;
                out.append(String.format(Locale.ROOT, "  %2d workers: %d pages (%d requests) in %5d ms; bound %5.0f ms "
                                + "(%.2f×); the site's own time per worker %5.0f ms (%.2f×)%n", workers, result.pages(), requests,
                        result.took().toMillis(), bound, result.took().toMillis() / bound, work, result.took().toMillis() / work));
            }
        }
        for (Duration latency : List.of(Duration.ZERO, Duration.ofMillis(100))) {
            ShopConfig config = ShopConfig.benchmark().withLatency(LatencyModel.fixed(latency));
            try (ShopSimulator big = ShopSimulator.start(config);
                 ExecutorService parsers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
                crawl(big, new BreadthFirstCrawler(50, 10_000)); // warm-up
                out.append(String.format(Locale.ROOT, "5,000-page site, %d ms a page, 50 workers:%n", latency.toMillis()));
                report(out, "BreadthFirstCrawler", crawl(big, new BreadthFirstCrawler(50, 10_000)), big);
                report(out, "ParseOffThreadCrawler", crawl(big, new ParseOffThreadCrawler(50, 10_000, parsers)), big);
                report(out, "BreadthFirstCrawler", crawl(big, new BreadthFirstCrawler(50, 10_000)), big);
                report(out, "ParseOffThreadCrawler", crawl(big, new ParseOffThreadCrawler(50, 10_000, parsers)), big);
            }
        }
        out.append(String.format(Locale.ROOT, "the JVM's peak resident memory (VmHWM): %s%n", residentPeak()));
        System.out.println(out);
    }

    private static void report(StringBuilder out, String name, Result result, ShopSimulator site) {
        out.append(String.format(Locale.ROOT, "  %-22s %d pages in %5d ms: %6.0f pages/s, peak heap %4d MB, %d new connections%n",
                name, result.pages(), result.took().toMillis(), result.pagesPerSecond(), result.peakHeapBytes() >> 20,
                site.log().newConnections()));
    }

    /** One crawl from the start page, its pages counted by a logger that keeps nothing. */
    private static Result crawl(ShopSimulator site, Crawler crawler) throws Exception {
        site.reset();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        LinkedBlockingQueue<Message<ParsedPage>> output = new LinkedBlockingQueue<>();
        AtomicInteger pages = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService logger = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> counting = logger.submit(() -> {
                while (output.take() instanceof Message.Item<ParsedPage>) {
                    pages.incrementAndGet();
                }
                return null;
            });
            crawler.crawl(List.of(site.startUrl()), output);
            counting.get();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Result(pages.get(), took, peak);
    }

    private static String residentPeak() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM")).findFirst()
                .map(line -> line.replaceAll("\\s+", " ").substring("VmHWM: ".length())).orElse("unknown");
    }
}
